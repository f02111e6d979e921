import { connect, type Socket } from 'node:net';
import { AimeError, UnrecoverableError, errorOfKind } from '../core/errors.js';
import { errorKindOf } from '../rpc/errors.js';
import { LineDecoder, encodeLine } from '../rpc/framing.js';
import { isNotification, isResponse, type RpcErrorObject, type RpcResponse } from '../rpc/protocol.js';
import type { MethodName, ParamsOf, ResultOf } from '../rpc/contract.js';

/** The daemon is not there: the CLI exits 3 and says how to start it. */
export class DaemonUnreachableError extends AimeError {
  constructor(socket: string, cause: unknown) {
    super('unrecoverable', `the AIME daemon is not running (no answer on ${socket}). Start it with \`aime daemon\` or \`systemctl start aime\`.`, { cause });
  }
}

export type NotificationListener = (method: string, params: unknown) => void;

export interface CallOptions {
  readonly onNotification?: NotificationListener;
}

/** A JSON-RPC connection to the daemon's Unix socket. */
export class DaemonClient {
  private readonly socket: Socket;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Set<NotificationListener>();
  private closedError?: Error;
  private refusal?: Error;

  private constructor(socket: Socket) {
    this.socket = socket;
    const decoder = new LineDecoder({
      line: (text) => this.receive(text),
      overflow: () => this.failAll(new UnrecoverableError('the daemon sent a message larger than 1 MiB')),
    });
    socket.on('data', (chunk: Buffer) => decoder.push(chunk));
    socket.on('close', () => this.failAll(this.refusal ?? new UnrecoverableError('the daemon closed the connection')));
    socket.on('error', () => undefined);
  }

  static connect(path: string): Promise<DaemonClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(path);
      socket.once('connect', () => resolve(new DaemonClient(socket)));
      socket.once('error', (error) => reject(new DaemonUnreachableError(path, error)));
    });
  }

  call<M extends MethodName>(method: M, params: ParamsOf<M>, options: CallOptions = {}): Promise<ResultOf<M>> {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = this.nextId++;
    const listener = options.onNotification;
    if (listener) this.listeners.add(listener);
    return new Promise<ResultOf<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.socket.write(encodeLine({ jsonrpc: '2.0', id, method, params }));
    }).finally(() => {
      if (listener) this.listeners.delete(listener);
    });
  }

  /** Receives every notification until the returned function is called. */
  listen(listener: NotificationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when the daemon goes away. */
  closed(): Promise<void> {
    return new Promise((resolve) => {
      if (this.closedError) resolve();
      else this.socket.once('close', () => resolve());
    });
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }

  private receive(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (isNotification(message)) {
      for (const listener of this.listeners) listener(message.method, message.params);
      return;
    }
    if (isResponse(message) && message.id === null && 'error' in message) {
      // An error no request id can be matched to (connection refused at the limit, a line
      // too long): the waiting calls, and a close that follows, fail in the daemon's words.
      this.refusal = fromRpcError(message.error);
      this.rejectPending(this.refusal);
      return;
    }
    if (!isResponse(message) || typeof message.id !== 'number') return;
    const waiter = this.pending.get(message.id);
    if (!waiter) return;
    this.pending.delete(message.id);
    settle(message, waiter);
  }

  private failAll(error: Error): void {
    this.closedError ??= error;
    this.rejectPending(error);
  }

  private rejectPending(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}

function settle(message: RpcResponse, waiter: { resolve: (value: unknown) => void; reject: (error: Error) => void }): void {
  if ('error' in message) waiter.reject(fromRpcError(message.error));
  else waiter.resolve(message.result);
}

/** Rebuilds the daemon's error kind on this side (rpc/errors.ts), so exit codes follow it. */
export function fromRpcError(error: RpcErrorObject): AimeError {
  return errorOfKind(errorKindOf(error), error.message, { detail: error.data ? { ...error.data } : undefined });
}
