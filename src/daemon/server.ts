import { chmodSync, chownSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../log.js';
import { UserError } from '../core/errors.js';
import { RpcErrorCode, type RequestId, type RpcErrorObject } from '../rpc/protocol.js';
import type { NotificationName, RpcNotifications } from '../rpc/contract.js';
import { toRpcError } from './rpc-errors.js';
import { ClientConnection, endWith, type ConnectionLimits } from './connection.js';
import { PartialLineBudget } from './partial-line-budget.js';
import { ReadTurns } from './read-turns.js';

/** What a handler knows about the request it serves. */
export interface RequestContext {
  readonly requestId: RequestId;
  /** Sends a notification to the client that made this request. */
  notify<N extends NotificationName>(method: N, params: RpcNotifications[N]): void;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
  /** Keeps a subscription alive until the client disconnects; `cleanup` runs then. */
  onDisconnect(cleanup: () => void): void;
}

export type Handler = (params: unknown, context: RequestContext) => Promise<unknown>;
export type HandlerTable = Record<string, Handler>;

/** Socket limits from the configuration, read again as clients come (at most once a second), so `config set` applies without a restart. */
export interface SocketLimits {
  /** Clients served at once; one more gets an error line and is closed. */
  readonly maxConnections: number;
  /** Seconds a request line may stay unfinished before its connection is closed. */
  readonly idleSeconds: number;
}

export interface ServerOptions {
  readonly path: string;
  readonly mode: number;
  readonly group?: string;
  readonly handlers: HandlerTable;
  readonly log: Logger;
  readonly limits?: () => SocketLimits;
  /** Bytes of unfinished request lines held across all clients before the largest holders stop being read. */
  readonly partialLineBudgetBytes?: number;
  /** Requests of one client served at the same time. */
  readonly maxInFlightPerClient?: number;
  /** Notification bytes a client may leave unread before it is disconnected. */
  readonly notificationBacklogBytes?: number;
}

const DEFAULT_LIMITS: SocketLimits = { maxConnections: 256, idleSeconds: 60 };

/**
 * JSON-RPC 2.0 over a Unix socket, one JSON object per line. Every client is independent:
 * a malformed or oversized message gets an error on its own connection only, and what a
 * client costs is bounded (ClientConnection, PartialLineBudget): a capped number of
 * clients, a few requests each in flight, no reading from clients that do not read.
 */
export class RpcServer {
  private readonly options: ServerOptions;
  private readonly budget: PartialLineBudget;
  private readonly turns = new ReadTurns();
  private readonly connectionLimits: ConnectionLimits;
  private server?: Server;
  private readonly clients = new Set<Socket>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private refusalLoggedAt = 0;
  private cachedLimits?: { limits: SocketLimits; readAt: number };
  private refusedSinceLog = 0;

  constructor(options: ServerOptions) {
    this.options = options;
    // 8 MiB: far above what normal requests need at once (each may hold 16 KiB regardless),
    // and each of the 256 connections can still make Node hold one 64 KiB read on top.
    this.budget = new PartialLineBudget(options.partialLineBudgetBytes ?? 8 * 1024 * 1024);
    this.connectionLimits = {
      maxInFlight: options.maxInFlightPerClient ?? 16,
      notificationBacklogBytes: options.notificationBacklogBytes ?? 256 * 1024,
      lineDeadlineMs: () => this.limits().idleSeconds * 1000,
    };
  }

  /** Clients connected now, and the bytes of their unfinished lines the daemon holds. */
  load(): { clients: number; partialLineBytes: number } {
    return { clients: this.clients.size, partialLineBytes: this.budget.heldBytes };
  }

  async listen(): Promise<void> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    const previous = process.umask(0o177); // the socket is born 0600, never briefly wider
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.options.path, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new UserError(`another AIME daemon is already running on ${this.options.path}`);
      }
      throw error;
    } finally {
      process.umask(previous);
    }
    // After start-up an accept error (out of file descriptors) is logged; it must not end the daemon.
    server.on('error', (error) => this.options.log.error({ err: error }, 'socket server error'));
    try {
      chmodSync(this.options.path, this.options.mode);
      // Under the systemd unit the socket is born in the group already (RuntimeDirectory owned
      // aime:aime) and the sandbox forbids chown: only change what differs.
      const gid = this.options.group ? groupId(this.options.group) : undefined;
      if (gid !== undefined && statSync(this.options.path).gid !== gid) chownSync(this.options.path, -1, gid);
    } catch (error) {
      // A socket with the wrong owner or mode must not stay behind for clients to find.
      await this.close(0);
      throw error;
    }
  }

  /** Stops accepting, lets in-flight requests finish (bounded), closes clients, removes the socket. */
  async close(graceMs = 2000): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.race([Promise.allSettled([...this.inFlight]), delay(graceMs)]);
    for (const client of this.clients) client.destroy();
    await closed;
    try {
      unlinkSync(this.options.path);
    } catch {
      // already gone
    }
  }

  /** Re-read at most once a second: reading the configuration costs more than accepting a client. */
  private limits(): SocketLimits {
    const now = Date.now();
    if (!this.cachedLimits || now - this.cachedLimits.readAt > 1000) this.cachedLimits = { limits: this.options.limits?.() ?? DEFAULT_LIMITS, readAt: now };
    return this.cachedLimits.limits;
  }

  private accept(socket: Socket): void {
    const { maxConnections } = this.limits();
    if (this.clients.size >= maxConnections) {
      this.refused(maxConnections);
      endWith(socket, {
        code: RpcErrorCode.RetryLater,
        message: `the daemon already serves ${maxConnections} connections (socket.maxConnections); try again later`,
        data: { kind: 'retry-later', maxConnections },
      });
      return;
    }
    this.clients.add(socket);
    socket.on('close', () => this.clients.delete(socket));
    new ClientConnection(socket, {
      serve: (text, connection) => this.serve(text, connection),
      budget: this.budget,
      turns: this.turns,
      limits: this.connectionLimits,
      log: this.options.log,
    });
  }

  /** Logs refusals at most every 10 s: a flood of connections must not become a flood of log lines. */
  private refused(maxConnections: number): void {
    this.refusedSinceLog++;
    const now = Date.now();
    if (now - this.refusalLoggedAt < 10_000) return;
    this.options.log.warn({ maxConnections, refused: this.refusedSinceLog }, 'refused clients: connection limit reached');
    this.refusalLoggedAt = now;
    this.refusedSinceLog = 0;
  }

  private serve(text: string, connection: ClientConnection): Promise<void> {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      connection.send(failure(null, { code: RpcErrorCode.ParseError, message: 'invalid JSON', data: { kind: 'user' } }));
      return Promise.resolve();
    }
    const request = message as { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: unknown };
    if (typeof request !== 'object' || request === null || Array.isArray(request)) {
      connection.send(failure(null, { code: RpcErrorCode.InvalidRequest, message: 'not a JSON-RPC 2.0 request', data: { kind: 'user' } }));
      return Promise.resolve();
    }
    // JSON-RPC 2.0: an id is a string, a number or null; a message without one is a notification.
    const answered = Object.hasOwn(request, 'id');
    if (answered && !isRequestId(request.id) && request.id !== null) {
      connection.send(failure(null, { code: RpcErrorCode.InvalidRequest, message: 'the request id must be a string, a number or null', data: { kind: 'user' } }));
      return Promise.resolve();
    }
    const id = isRequestId(request.id) ? request.id : null;
    if (request.jsonrpc !== '2.0' || typeof request.method !== 'string') {
      connection.send(failure(id, { code: RpcErrorCode.InvalidRequest, message: 'not a JSON-RPC 2.0 request', data: { kind: 'user' } }));
      return Promise.resolve();
    }
    const handler = Object.hasOwn(this.options.handlers, request.method) ? this.options.handlers[request.method] : undefined;
    if (!handler) {
      if (answered) connection.send(failure(id, { code: RpcErrorCode.MethodNotFound, message: `unknown method "${request.method}"`, data: { kind: 'user' } }));
      return Promise.resolve();
    }
    const context: RequestContext = {
      requestId: id ?? 0,
      notify: (method, params) => connection.notify({ jsonrpc: '2.0', method, params }),
      signal: connection.signal,
      onDisconnect: (cleanup) => connection.onDisconnect(cleanup),
    };
    const method = request.method;
    // A handler that throws before its first await is answered like one that rejects.
    const work = new Promise<unknown>((resolve) => resolve(handler(request.params ?? {}, context))).then(
      (result) => {
        if (answered) connection.send({ jsonrpc: '2.0', id, result: result ?? null });
      },
      (error: unknown) => {
        const rpcError = toRpcError(error);
        if (rpcError.code === RpcErrorCode.InternalError) this.options.log.error({ err: error, method }, 'request failed');
        else this.options.log.debug({ method, error: rpcError.message }, 'request refused');
        if (answered) connection.send(failure(id, rpcError));
      },
    );
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }
}

function isRequestId(id: unknown): id is RequestId {
  return typeof id === 'string' || typeof id === 'number';
}

function failure(id: RequestId | null, error: RpcErrorObject) {
  return { jsonrpc: '2.0' as const, id, error };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function groupId(name: string): number {
  if (/^\d+$/.test(name)) return Number(name);
  const line = readFileSync('/etc/group', 'utf8').split('\n').find((entry) => entry.split(':')[0] === name);
  const gid = line?.split(':')[2];
  if (gid === undefined) throw new UserError(`socket.group: no group named "${name}" on this system`);
  return Number(gid);
}
