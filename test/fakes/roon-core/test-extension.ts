// A minimal extension on the REAL @roonlabs/node-roon-api 1.2.3, used to prove the fake Core
// and to show how the library is driven: ws_connect by host/port (no discovery), token kept
// in memory through get/set_persisted_state, a status service, raw MOO requests.
import WebSocket from 'ws';

/** The parts of node-roon-api's untyped API this harness uses. */
export interface RoonMooReply {
  verb: string;
  name: string;
  request_id: string;
  content_type?: string;
}
export type RoonReplyCallback = (msg: RoonMooReply | undefined, body: unknown) => void;
export interface RoonMoo {
  send_request(name: string, body: unknown, cb: RoonReplyCallback): void;
  transport: { close(): void; ws?: { onmessage: unknown } };
}
export interface RoonCore {
  core_id: string;
  display_name: string;
  display_version: string;
  moo: RoonMoo;
  services: Record<string, unknown>;
}
interface ProvidedRequest {
  send_continue(name: string, body?: unknown): void;
  send_complete(name: string, body?: unknown): void;
}
interface ProvidedService {
  name: string;
  send_continue_all(subtype: string, name: string, body: unknown): void;
}
interface RoonApi {
  init_services(services: {
    required_services?: unknown[];
    optional_services?: unknown[];
    provided_services?: Array<{ services: ProvidedService[] }>;
  }): void;
  register_service(
    name: string,
    spec: {
      subscriptions?: Array<{ subscribe_name: string; unsubscribe_name: string; start(req: ProvidedRequest): void }>;
      methods: Record<string, (req: ProvidedRequest) => void>;
    },
  ): ProvidedService;
  ws_connect(options: { host: string; port: number; onclose?: () => void; onerror?: () => void }): RoonMoo;
}
type RoonApiConstructor = new (options: Record<string, unknown>) => RoonApi;

export interface PersistedRoonState {
  tokens?: Record<string, string>;
  paired_core_id?: string;
}

let roonApiConstructor: RoonApiConstructor | undefined;

/** Loads node-roon-api (CommonJS; its default export is the RoonApi constructor). */
export async function loadRoonApi(): Promise<RoonApiConstructor> {
  // Node ≥ 22 has a global WebSocket without `.on`, which 1.2.3 would pick (roon-api.md §0.2);
  // on Node 20 the library installs `ws` itself. Setting it first works on both.
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  const specifier: string = '@roonlabs/node-roon-api';
  roonApiConstructor ??= ((await import(specifier)) as { default: RoonApiConstructor }).default;
  return roonApiConstructor;
}

// node-roon-api instantiates each required service class with the Core and files it under
// core.services[Class.name]; these only need the static `services` list.
class TransportService {
  static services = [{ name: 'com.roonlabs.transport:2' }];
}
class BrowseService {
  static services = [{ name: 'com.roonlabs.browse:1' }];
}
class ImageService {
  static services = [{ name: 'com.roonlabs.image:1' }];
}

export interface TestExtension {
  readonly events: string[];
  readonly core: RoonCore | undefined;
  paired(): Promise<RoonCore>;
  setStatus(message: string, isError?: boolean): void;
  connect(host: string, port: number): RoonMoo;
  close(): void;
}

export async function createTestExtension(state: { value: PersistedRoonState }, extensionId = 'com.aime.test'): Promise<TestExtension> {
  const RoonApiClass = await loadRoonApi();
  const events: string[] = [];
  let core: RoonCore | undefined;
  let waiters: Array<(core: RoonCore) => void> = [];
  let moo: RoonMoo | undefined;
  let status = { message: 'Starting', is_error: false };

  const roon = new RoonApiClass({
    extension_id: extensionId,
    display_name: 'AIME test extension',
    display_version: '0.0.1',
    publisher: 'AIME',
    email: 'aime@example.invalid',
    log_level: 'none',
    get_persisted_state: () => structuredClone(state.value),
    set_persisted_state: (s: PersistedRoonState) => {
      state.value = structuredClone(s);
    },
    core_paired: (c: RoonCore) => {
      core = c;
      events.push('paired');
      for (const waiter of waiters) waiter(c);
      waiters = [];
    },
    core_unpaired: () => {
      core = undefined;
      events.push('unpaired');
    },
  });
  const statusService = roon.register_service('com.roonlabs.status:1', {
    subscriptions: [
      {
        subscribe_name: 'subscribe_status',
        unsubscribe_name: 'unsubscribe_status',
        start: (req) => req.send_continue('Subscribed', status),
      },
    ],
    methods: { get_status: (req) => req.send_complete('Success', status) },
  });
  roon.init_services({
    required_services: [TransportService, BrowseService, ImageService],
    provided_services: [{ services: [statusService] }],
  });

  return {
    events,
    get core() {
      return core;
    },
    paired: () => (core ? Promise.resolve(core) : new Promise((resolve) => waiters.push(resolve))),
    setStatus(message, isError = false) {
      status = { message, is_error: isError };
      statusService.send_continue_all('subscribe_status', 'Changed', status);
    },
    connect(host, port) {
      moo = roon.ws_connect({
        host,
        port,
        onclose: () => events.push('close'),
        onerror: () => events.push('error'),
      });
      return moo;
    },
    close() {
      // 1.2.3 throws if a message arrives after close() (roon-api.md §0.16).
      if (moo?.transport.ws) moo.transport.ws.onmessage = null;
      moo?.transport.close();
      moo = undefined;
    },
  };
}

export interface Reply {
  name: string;
  body: unknown;
}

/** One raw MOO request through the paired Core's connection. */
export function request(core: RoonCore, name: string, body: unknown = undefined): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const cb: RoonReplyCallback = (msg, replyBody) =>
      msg ? resolve({ name: msg.name, body: replyBody }) : reject(new Error('NetworkError'));
    // An undefined body is sent as a message without a body.
    core.moo.send_request(name, body, cb);
  });
}

/** Polls until `check` returns a value other than undefined/false. */
export async function until<T>(check: () => T | undefined | false, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
