// The part of @roonlabs/node-roon-api 1.2.3 (untyped CommonJS) that AIME uses
// (shared/reference/roon-api.md §2, §7.4). Kept to what lib.js really does.
declare module '@roonlabs/node-roon-api' {
  export interface MooReply {
    verb: string;
    name: string;
    request_id: string;
    content_type?: string;
  }
  /** `msg` is undefined when the connection is lost before the reply. */
  export type MooCallback = (msg: MooReply | undefined, body: unknown) => void;

  export interface Moo {
    send_request(name: string, body: unknown, cb: MooCallback): void;
    send_request(name: string, cb: MooCallback): void;
    transport: { close(): void; ws?: { onmessage: unknown } };
  }

  export interface Core {
    core_id: string;
    display_name: string;
    display_version: string;
    moo: Moo;
    registration: { http_port?: number };
  }

  export interface ProvidedRequest {
    send_continue(name: string, body?: unknown): void;
    send_complete(name: string, body?: unknown): void;
  }

  export interface ProvidedService {
    name: string;
    send_continue_all(subtype: string, name: string, body: unknown): void;
  }

  /** A required/optional service: a class with a static `services` list, built with the Core. */
  export interface ServiceClass {
    services: Array<{ name: string }>;
  }

  export interface RoonApiOptions {
    extension_id: string;
    display_name: string;
    display_version: string;
    publisher: string;
    email: string;
    website?: string;
    log_level?: 'none' | 'all';
    force_server?: boolean;
    get_persisted_state(): PersistedState;
    set_persisted_state(state: PersistedState): void;
    core_paired(core: Core): void;
    core_unpaired(core: Core): void;
  }

  export interface PersistedState {
    tokens?: Record<string, string>;
    paired_core_id?: string;
  }

  export default class RoonApi {
    constructor(options: RoonApiOptions);
    init_services(services: {
      required_services?: ServiceClass[];
      optional_services?: ServiceClass[];
      provided_services?: Array<{ services: ProvidedService[] }>;
    }): void;
    register_service(
      name: string,
      spec: {
        subscriptions?: Array<{ subscribe_name: string; unsubscribe_name: string; start(req: ProvidedRequest): void }>;
        methods: Record<string, (req: ProvidedRequest) => void>;
      },
    ): ProvidedService;
    ws_connect(options: { host: string; port: number; onclose?: () => void; onerror?: (moo: Moo) => void }): Moo;
  }
}
