// AIME as a Roon extension on @roonlabs/node-roon-api 1.2.3: pairing (token in roon.json),
// a Core by address or by discovery (discovery.ts), reconnection forever with capped backoff
// from both onclose and onerror (a refused connection fires only onerror, roon-api.md §0.7),
// and the status line shown on Roon's Extensions page.
import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import type RoonApi from '@roonlabs/node-roon-api';
import type { Core, Moo, ProvidedService } from '@roonlabs/node-roon-api';
import type { Logger } from '../../log.js';
import { RetryLaterError } from '../../core/errors.js';
import { discoverCore } from './discovery.js';
import { PairedCore } from './paired-core.js';
import { RoonStateFile } from './persisted-state.js';
import { ROON_SERVICE_CLASSES } from './services.js';

export type ConnectionPhase = 'stopped' | 'discovering' | 'connecting' | 'awaiting-approval' | 'connected' | 'reconnecting';

export interface ConnectionStatus {
  readonly phase: ConnectionPhase;
  readonly connected: boolean;
  readonly coreId: string | null;
  readonly coreName: string | null;
  readonly address: string | null;
  /** Failed attempts since the last pairing. */
  readonly failures: number;
  readonly lastError: string | null;
  readonly paired: boolean;
}

export interface RoonTimings {
  readonly requestTimeoutMs: number;
  readonly retryFirstMs: number;
  readonly retryMaxMs: number;
}

export const DEFAULT_ROON_TIMINGS: RoonTimings = { requestTimeoutMs: 10_000, retryFirstMs: 1000, retryMaxMs: 30_000 };

export interface RoonConnectionOptions {
  readonly statePath: string;
  /** Unset: find the Core by discovery (SOOD). */
  readonly host?: string;
  readonly port: number;
  readonly version: string;
  readonly log: Logger;
  readonly timings: RoonTimings;
  /** Where discovery queries go (tests); default: multicast and broadcast. */
  readonly discoveryTargets?: readonly { host: string; port: number }[];
}

interface ConnectionEvents {
  paired: [PairedCore];
  unpaired: [];
  status: [ConnectionStatus];
}

export const EXTENSION_ID = 'com.aime.music-enabler';

export class RoonConnection extends EventEmitter<ConnectionEvents> {
  private readonly options: RoonConnectionOptions;
  private readonly stateFile: RoonStateFile;
  private api?: RoonApi;
  private statusService?: ProvidedService;
  private moo?: Moo;
  private retryTimer?: NodeJS.Timeout;
  private running = false;
  private phase: ConnectionPhase = 'stopped';
  private current?: PairedCore;
  private failures = 0;
  private lastError: string | null = null;
  private address: string | null = null;
  private everPaired = false;
  /** Bumped by stop(), so an attempt still discovering when stopped never connects. */
  private generation = 0;

  constructor(options: RoonConnectionOptions) {
    super();
    // Every `aime now` and pending command listens here for a while.
    this.setMaxListeners(0);
    this.options = options;
    this.stateFile = new RoonStateFile(options.statePath);
  }

  get core(): PairedCore | undefined {
    return this.current;
  }

  get isRunning(): boolean {
    return this.running;
  }

  status(): ConnectionStatus {
    return {
      phase: this.phase,
      connected: this.current !== undefined,
      coreId: this.current?.id ?? null,
      coreName: this.current?.name ?? null,
      address: this.address,
      failures: this.failures,
      lastError: this.lastError,
      paired: this.stateFile.hasToken(),
    };
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.api ??= await this.createApi();
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.generation += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    // Forgotten first, so the loss that closing causes is not logged as an outage.
    const hadCore = this.current !== undefined;
    this.current = undefined;
    if (this.moo) closeQuietly(this.moo);
    this.moo = undefined;
    if (hadCore) this.emit('unpaired');
    this.setPhase('stopped');
  }

  /** Resolves with the paired Core, waiting for Roon's "Enable" if needed. */
  waitForPairing(timeoutMs: number, signal?: AbortSignal): Promise<PairedCore> {
    if (this.current) return Promise.resolve(this.current);
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.off('paired', onPaired);
        signal?.removeEventListener('abort', onAbort);
      };
      const onPaired = (core: PairedCore) => {
        done();
        resolve(core);
      };
      const onAbort = () => {
        done();
        reject(new RetryLaterError('stopped waiting for the Roon Core'));
      };
      const timer = setTimeout(() => {
        done();
        reject(new RetryLaterError(this.waitingReason()));
      }, timeoutMs);
      this.on('paired', onPaired);
      signal?.addEventListener('abort', onAbort);
    });
  }

  /** Why there is no Core yet, in words a person can act on. */
  waitingReason(): string {
    switch (this.phase) {
      case 'awaiting-approval':
        return 'AIME is waiting to be enabled in Roon → Settings → Extensions (run `aime roon pair`)';
      case 'discovering':
        return 'no Roon Core found on the network yet (set roon.host and roon.port if discovery cannot reach it)';
      case 'stopped':
        return 'the Roon connection is stopped (run `aime roon pair`)';
      default:
        return `not connected to the Roon Core${this.lastError ? ` (${this.lastError})` : ''}; retrying`;
    }
  }

  private async createApi(): Promise<RoonApi> {
    // 1.2.3 crashes on Node ≥ 22's built-in WebSocket (no `.on`); ws works everywhere (§0.2).
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
    const { default: RoonApiClass } = await import('@roonlabs/node-roon-api');
    const api = new RoonApiClass({
      extension_id: EXTENSION_ID,
      display_name: 'AIME — AI Music Enabler',
      display_version: this.options.version,
      publisher: 'AIME',
      email: 'aime@localhost',
      log_level: 'none',
      force_server: true,
      get_persisted_state: () => this.stateFile.read(),
      set_persisted_state: (state) => this.stateFile.write(state),
      core_paired: (core) => this.paired(core),
      core_unpaired: (core) => this.unpaired(core),
    });
    this.statusService = api.register_service('com.roonlabs.status:1', {
      subscriptions: [
        { subscribe_name: 'subscribe_status', unsubscribe_name: 'unsubscribe_status', start: (req) => req.send_continue('Subscribed', this.roonStatus()) },
      ],
      methods: { get_status: (req) => req.send_complete('Success', this.roonStatus()) },
    });
    api.init_services({ required_services: ROON_SERVICE_CLASSES, provided_services: [{ services: [this.statusService] }] });
    return api;
  }

  private async connect(): Promise<void> {
    if (!this.running || !this.api) return;
    const generation = this.generation;
    let host = this.options.host;
    let port = this.options.port;
    if (!host) {
      this.setPhase(this.everPaired ? 'reconnecting' : 'discovering');
      const found = await discoverCore({ timeoutMs: 3000, targets: this.options.discoveryTargets });
      if (!this.running || generation !== this.generation) return;
      if (!found) {
        this.lastError = 'no Roon Core answered on the local network';
        this.scheduleRetry();
        return;
      }
      ({ host, port } = found);
    }
    this.address = `${host}:${port}`;
    this.setPhase(this.failures === 0 && !this.lastError ? 'connecting' : 'reconnecting');
    let over = false;
    const retry = (why: string) => {
      if (over) return;
      over = true;
      if (this.moo === moo) this.moo = undefined;
      closeQuietly(moo);
      this.lastError = why;
      this.scheduleRetry();
    };
    const moo = this.api.ws_connect({ host, port, onclose: () => retry('the Core closed the connection'), onerror: () => retry(`cannot reach ${host}:${port}`) });
    this.moo = moo;
    const transport = moo.transport as { onopen?: () => void };
    const opened = transport.onopen;
    transport.onopen = () => {
      // Registered comes at once with a known token, and only after "Enable" without one.
      if (!this.current) this.setPhase('awaiting-approval');
      opened?.();
    };
  }

  private scheduleRetry(): void {
    if (!this.running) return;
    const { retryFirstMs, retryMaxMs } = this.options.timings;
    const ceiling = Math.min(retryMaxMs, retryFirstMs * 2 ** Math.min(this.failures, 20));
    const wait = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    this.failures += 1;
    if (this.failures === 1 || this.failures % 10 === 0) {
      this.options.log.warn({ failures: this.failures, waitMs: wait, error: this.lastError }, 'Roon Core unreachable; retrying');
    }
    this.setPhase(this.options.host || this.everPaired ? 'reconnecting' : 'discovering');
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), wait);
  }

  private paired(core: Core): void {
    this.current = new PairedCore(core, this.options.timings.requestTimeoutMs);
    this.failures = 0;
    this.lastError = null;
    this.everPaired = true;
    this.options.log.info({ core: core.display_name, version: core.display_version }, 'paired with the Roon Core');
    this.setPhase('connected');
    this.emit('paired', this.current);
  }

  private unpaired(core: Core): void {
    // 1.2.3 reports every lost Core here, paired or not (§0.12).
    if (!this.current || core.core_id !== this.current.id) return;
    this.current = undefined;
    this.options.log.warn({ core: core.display_name }, 'lost the Roon Core; keeping the last zone state while reconnecting');
    this.setPhase(this.running ? 'reconnecting' : 'stopped');
    this.emit('unpaired');
  }

  private setPhase(phase: ConnectionPhase): void {
    if (this.phase === phase) return;
    this.phase = phase;
    this.statusService?.send_continue_all('subscribe_status', 'Changed', this.roonStatus());
    this.emit('status', this.status());
  }

  private roonStatus(): { message: string; is_error: boolean } {
    if (this.current) return { message: `Connected to ${this.current.name}: recording plays, serving aime now`, is_error: false };
    return { message: this.phase === 'reconnecting' ? 'Reconnecting…' : 'Starting…', is_error: false };
  }
}

/** Closing from inside a callback crashes 1.2.3 if a message is still on its way (§0.16). */
function closeQuietly(moo: Moo): void {
  if (moo.transport.ws) moo.transport.ws.onmessage = null;
  try {
    moo.transport.close();
  } catch {
    // already closed
  }
}
