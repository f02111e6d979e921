import { chmodSync, chownSync, readFileSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../log.js';
import { UserError } from '../core/errors.js';
import { LineDecoder, encodeLine } from '../rpc/framing.js';
import { RpcErrorCode, type RequestId, type RpcErrorObject } from '../rpc/protocol.js';
import type { NotificationName, RpcNotifications } from '../rpc/contract.js';
import { toRpcError } from './rpc-errors.js';

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

export interface ServerOptions {
  readonly path: string;
  readonly mode: number;
  readonly group?: string;
  readonly handlers: HandlerTable;
  readonly log: Logger;
}

/**
 * JSON-RPC 2.0 over a Unix socket, one JSON object per line. Every client is independent:
 * a malformed or oversized message gets an error on its own connection only.
 */
export class RpcServer {
  private readonly options: ServerOptions;
  private server?: Server;
  private readonly clients = new Set<Socket>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(options: ServerOptions) {
    this.options = options;
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
    try {
      chmodSync(this.options.path, this.options.mode);
      if (this.options.group) chownSync(this.options.path, -1, groupId(this.options.group));
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

  private accept(socket: Socket): void {
    this.clients.add(socket);
    const abort = new AbortController();
    const cleanups: (() => void)[] = [];
    const send = (message: unknown) => {
      if (!socket.destroyed && socket.writable) socket.write(encodeLine(message));
    };
    const decoder = new LineDecoder({
      line: (text) => this.dispatch(text, send, abort.signal, cleanups),
      overflow: () =>
        send({ jsonrpc: '2.0', id: null, error: { code: RpcErrorCode.InvalidRequest, message: 'request larger than 1 MiB', data: { kind: 'user' } } }),
    });
    socket.on('data', (chunk: Buffer) => decoder.push(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.clients.delete(socket);
      abort.abort();
      for (const cleanup of cleanups.splice(0)) cleanup();
    });
  }

  private dispatch(text: string, send: (message: unknown) => void, signal: AbortSignal, cleanups: (() => void)[]): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      send(failure(null, { code: RpcErrorCode.ParseError, message: 'invalid JSON', data: { kind: 'user' } }));
      return;
    }
    const request = message as { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: unknown };
    const id = typeof request?.id === 'number' || typeof request?.id === 'string' ? request.id : null;
    if (typeof request !== 'object' || request === null || request.jsonrpc !== '2.0' || typeof request.method !== 'string') {
      send(failure(id, { code: RpcErrorCode.InvalidRequest, message: 'not a JSON-RPC 2.0 request', data: { kind: 'user' } }));
      return;
    }
    const handler = Object.hasOwn(this.options.handlers, request.method) ? this.options.handlers[request.method] : undefined;
    if (!handler) {
      if (id !== null) send(failure(id, { code: RpcErrorCode.MethodNotFound, message: `unknown method "${request.method}"`, data: { kind: 'user' } }));
      return;
    }
    const context: RequestContext = {
      requestId: id ?? 0,
      notify: (method, params) => send({ jsonrpc: '2.0', method, params }),
      signal,
      onDisconnect: (cleanup) => cleanups.push(cleanup),
    };
    const method = request.method;
    const work = handler(request.params ?? {}, context).then(
      (result) => {
        if (id !== null) send({ jsonrpc: '2.0', id, result: result ?? null });
      },
      (error: unknown) => {
        const rpcError = toRpcError(error);
        if (rpcError.code === RpcErrorCode.InternalError) this.options.log.error({ err: error, method }, 'request failed');
        else this.options.log.debug({ method, error: rpcError.message }, 'request refused');
        if (id !== null) send(failure(id, rpcError));
      },
    );
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }
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
