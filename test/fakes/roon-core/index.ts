// A fake Roon Core for tests and benchmarks: MOO/1 over WebSocket at ws://127.0.0.1:<port>/api,
// spoken to the real @roonlabs/node-roon-api (roon-api.md §7). Plain methods drive it.
import { EventEmitter } from 'node:events';
import { BROWSE_SERVICE, createBrowseService } from './browse.js';
import type { CoreConnection, CoreService, IncomingRequest } from './connection.js';
import { CoreServer } from './core-server.js';
import { ExtensionCalls, type PairingReport, type StatusMessage } from './extension-calls.js';
import type { ConnectionInfo, FakeRoonCoreEvents, FakeRoonCoreOptions, RecordedRequest } from './options.js';
import { createImageService, IMAGE_SERVICE, serveImageHttp } from './image.js';
import { DEFAULT_LIBRARY, LibraryIndex } from './library.js';
import { Registry, REGISTRY_SERVICE, type ApprovalMode } from './registry.js';
import { createTransportService, TRANSPORT_SERVICE } from './transport.js';
import type { FakeTrack, Output, TransportControl, Zone } from './types.js';
import { defaultZoneSpecs, type FakeZoneSpec } from './zone-model.js';
import { ZoneStore } from './zone-store.js';

export type { FakeLibrary, FakeLibraryAlbum, FakeLibraryArtist, FakeLibraryTrack } from './library.js';
export { DEFAULT_LIBRARY, LibraryIndex } from './library.js';
export type { FakeOutputSpec, FakeZoneSpec } from './zone-model.js';
export type { PairingReport, StatusMessage } from './extension-calls.js';
export type { ApprovalMode } from './registry.js';
export * from './types.js';
export type { ConnectionInfo, FakeRoonCoreEvents, FakeRoonCoreOptions, RecordedRequest } from './options.js';

type PlaybackOptions = { state?: 'playing' | 'paused' | 'stopped'; seek?: number };

export class FakeRoonCore extends EventEmitter<FakeRoonCoreEvents> {
  readonly coreId: string;
  readonly tokens: Map<string, string>;
  readonly requests: RecordedRequest[] = [];
  readonly library: LibraryIndex;
  private readonly imageKeys: Set<string>;
  private readonly store: ZoneStore;
  private readonly registry: Registry;
  private readonly calls: ExtensionCalls;
  private readonly services: Map<string, CoreService>;
  private readonly server: CoreServer;
  private tickTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: FakeRoonCoreOptions = {}) {
    super();
    this.coreId = options.coreId ?? 'fa4e0c0e-0000-4000-8000-00000000c0de';
    this.tokens = new Map(Object.entries(options.tokens ?? {}));
    this.library = new LibraryIndex(options.library ?? DEFAULT_LIBRARY);
    this.imageKeys = new Set(this.library.imageKeys);
    this.store = new ZoneStore(options.zones ?? defaultZoneSpecs(this.library.albums[0]?.tracks ?? []), this.library);
    const serviceNames = options.services ?? [TRANSPORT_SERVICE, BROWSE_SERVICE, IMAGE_SERVICE];
    this.registry = new Registry({
      identity: {
        core_id: this.coreId,
        display_name: options.displayName ?? 'Fake Core',
        display_version: options.displayVersion ?? '2.70 (build 1671) production',
      },
      services: serviceNames,
      approval: options.approval ?? 'auto',
      tokens: this.tokens,
      host: options.host ?? '127.0.0.1',
      httpPort: () => this.port,
      onAwaitingApproval: (conn) => this.emit('awaiting-approval', info(conn)),
      onRegistered: (conn, token) => {
        this.emit('registered', { ...info(conn), token });
        this.calls.registered(conn);
      },
    });
    this.calls = new ExtensionCalls({
      pingIntervalMs: options.pingIntervalMs ?? 5000,
      onStatus: (status) => this.emit('status', status),
      onPairing: (report) => this.emit('pairing', report),
    });
    const all: Array<[string, CoreService]> = [
      [TRANSPORT_SERVICE, createTransportService(this.store)],
      [BROWSE_SERVICE, createBrowseService(this.library, this.store)],
      [IMAGE_SERVICE, createImageService(this.imageKeys)],
    ];
    this.services = new Map(all.filter(([name]) => serviceNames.includes(name)));
    this.server = new CoreServer(options.host ?? '127.0.0.1', options.port ?? 0, {
      onHttp: (req, res) => serveImageHttp(req, res, this.imageKeys),
      onConnection: (conn) => this.emit('connection', info(conn)),
      onRequest: (req) => this.dispatch(req),
      onBadFrame: (conn, error) => this.emit('bad-frame', { connectionId: conn.id, error }),
      onClose: (conn) => {
        this.registry.connectionClosed(conn);
        this.calls.connectionClosed(conn);
        for (const service of this.services.values()) service.connectionClosed?.(conn);
        this.emit('disconnect', info(conn));
      },
    });
  }

  get host(): string {
    return this.server.host;
  }
  /** The listening port (stays the same across `refuseConnectionsFor`). */
  get port(): number {
    return this.server.port;
  }
  get url(): string {
    return `ws://${this.host}:${this.port}/api`;
  }

  // ── zones ────────────────────────────────────────────────────────────────────────────
  get zones(): Zone[] {
    return this.store.list();
  }
  get outputs(): Output[] {
    return this.store.outputs();
  }
  zone(zoneId: string): Zone | undefined {
    return this.store.list().find((z) => z.zone_id === zoneId);
  }
  /** The tracks of a library album, ready for `setQueue`. */
  albumTracks(artist: string, album: string): FakeTrack[] {
    const found = this.library.findAlbum(artist, album);
    if (!found) throw new Error(`no album ${artist} — ${album} in the fake library`);
    return found.tracks.map((t) => ({ ...t }));
  }
  /** Replaces the current item; a track also in the library gets its length and image from it. */
  setNowPlaying(zoneId: string, track: FakeTrack, options?: PlaybackOptions): void {
    const known = this.library.findTrack(track.artist, track.album, track.title);
    const full = { ...known, ...track };
    if (full.image_key) this.imageKeys.add(full.image_key);
    this.store.setNowPlaying(zoneId, full, options);
  }
  setQueue(zoneId: string, tracks: FakeTrack[], options?: PlaybackOptions): void {
    for (const track of tracks) if (track.image_key) this.imageKeys.add(track.image_key);
    this.store.setQueue(zoneId, tracks, options);
  }
  advance(zoneId: string, seconds: number): void {
    if (!this.options.seekEverySecond) return this.store.advance(zoneId, seconds);
    for (let step = 0; step < seconds; step++) this.store.advance(zoneId, 1);
  }
  play(zoneId: string): void {
    this.store.control(zoneId, 'play');
  }
  pause(zoneId: string): void {
    this.store.control(zoneId, 'pause');
  }
  control(zoneId: string, control: TransportControl): void {
    this.store.control(zoneId, control);
  }
  setRadio(zoneId: string, station: string, meta?: { title?: string; artist?: string }): void {
    this.store.setRadio(zoneId, station, meta);
    this.imageKeys.add(this.library.stationImageKey(station));
  }
  setVolume(outputId: string, value: number): void {
    this.store.changeVolume(outputId, 'absolute', value);
  }
  addZone(spec: FakeZoneSpec): Zone {
    return this.store.addZone(spec);
  }
  removeZone(zoneId: string): void {
    this.store.removeZone(zoneId);
  }

  // ── registration, extension side ──────────────────────────────────────────────────────
  /** Roon's "Enable": grants every registration waiting for approval; returns how many. */
  approve(): number {
    return this.registry.approve();
  }
  setApproval(mode: ApprovalMode): void {
    this.registry.approval = mode;
  }
  get awaitingApproval(): string[] {
    return this.registry.awaiting();
  }
  /** Everything extensions set with set_status, oldest first. */
  get statusMessages(): readonly StatusMessage[] {
    return this.calls.statusMessages;
  }
  get pairings(): readonly PairingReport[] {
    return this.calls.pairings;
  }
  get pings(): { readonly sent: number; readonly answered: number } {
    return this.calls.pings;
  }
  /** Pings every registered extension now; one boolean (answered) per connection. */
  pingExtensions(): Promise<boolean[]> {
    return Promise.all([...this.server.connections.values()].filter((c) => c.registered).map((c) => this.calls.ping(c)));
  }
  get connections(): ConnectionInfo[] {
    return [...this.server.connections.values()].map(info);
  }
  /** Sends raw bytes to every connection (malformed-input tests: text frames, CRLF…). */
  sendRaw(data: Buffer | string, options: { binary?: boolean } = {}): void {
    for (const conn of this.server.connections.values()) conn.sendRaw(data, options.binary ?? true);
  }
  /** Resolves with the next request matching "service/name", "name" or a predicate. */
  waitForRequest(match: string | ((r: RecordedRequest) => boolean), timeoutMs = 5000): Promise<RecordedRequest> {
    const test = typeof match === 'function' ? match : (r: RecordedRequest) => r.name === match || `${r.service}/${r.name}` === match;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', listener);
        reject(new Error(`fake Roon Core: no request matching ${String(match)} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (r: RecordedRequest): void => {
        if (!test(r)) return;
        clearTimeout(timer);
        this.off('request', listener);
        resolve(r);
      };
      this.on('request', listener);
    });
  }

  // ── server life ───────────────────────────────────────────────────────────────────────
  async start(): Promise<void> {
    await this.server.listen();
    const tick = this.options.tick;
    if (tick) {
      const seconds = tick.seconds ?? tick.intervalMs / 1000;
      this.tickTimer = setInterval(() => {
        for (const zoneId of this.store.playing()) this.store.advance(zoneId, seconds);
      }, tick.intervalMs);
      this.tickTimer.unref();
    }
  }
  /** The Core drops every socket (as when it crashes); the extension sees a lost Core. */
  dropConnections(): void {
    this.server.dropConnections();
  }
  /** Drops every socket and stops listening; listens again on the same port after `ms`. */
  refuseConnectionsFor(ms: number): Promise<void> {
    return this.server.refuseConnectionsFor(ms);
  }
  async stop(): Promise<void> {
    clearInterval(this.tickTimer);
    this.calls.stop();
    await this.server.stop();
  }

  private dispatch(req: IncomingRequest): void {
    const record: RecordedRequest = {
      connectionId: req.conn.id,
      extensionId: req.conn.extension?.extension_id,
      service: req.service,
      name: req.name,
      requestId: req.requestId,
      body: req.body,
      at: Date.now(),
    };
    this.requests.push(record);
    this.emit('request', record);
    if (req.service === REGISTRY_SERVICE) {
      this.registry.handle(req);
      return;
    }
    const service = this.services.get(req.service);
    if (!service) req.sendComplete('InvalidRequest', { message: `unknown service: ${req.service}` });
    else if (!req.conn.registered) req.sendComplete('InvalidRequest', { message: 'extension is not registered' });
    else service.handle(req);
  }
}

function info(conn: CoreConnection): ConnectionInfo {
  return { id: conn.id, extensionId: conn.extension?.extension_id, registered: conn.registered };
}

export async function startFakeRoonCore(options: FakeRoonCoreOptions = {}): Promise<FakeRoonCore> {
  const core = new FakeRoonCore(options);
  await core.start();
  return core;
}
