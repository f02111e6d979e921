import type { Socket } from 'node:net';
import type { Logger } from '../log.js';
import { LineDecoder, encodeLine } from '../rpc/framing.js';
import { RpcErrorCode, type RpcErrorObject } from '../rpc/protocol.js';
import { FREE_PARTIAL_BYTES, type BudgetHolder, type PartialLineBudget } from './partial-line-budget.js';
import type { ReadTurns } from './read-turns.js';

/** Why the daemon stopped reading from a client; it reads again when no reason is left. */
type PauseReason = 'replies' | 'queue' | 'budget';

export interface ConnectionLimits {
  /** Requests of one client served at the same time; the next lines wait, and reading stops. */
  readonly maxInFlight: number;
  /** Notification bytes a client may leave unread before it is disconnected. */
  readonly notificationBacklogBytes: number;
  /** How long a request line may stay unfinished; read when a line begins (config can change). */
  lineDeadlineMs(): number;
}

export interface ConnectionDeps {
  /** Serves one request line; settles once its answer, if any, has been handed to send(). */
  readonly serve: (text: string, connection: ClientConnection) => Promise<void>;
  readonly budget: PartialLineBudget;
  readonly turns: ReadTurns;
  readonly limits: ConnectionLimits;
  readonly log: Logger;
}

/**
 * One client of the daemon's socket. The daemon reads from it only as fast as it serves
 * it: lines wait in a short queue for one of maxInFlight slots, and reading stops while
 * lines wait, while the client leaves its answers unread (the kernel holds what it sends
 * meanwhile, not our heap) and while the shared partial-line budget says so. A client
 * that stops reading its notifications is disconnected rather than buffered without
 * end: notifications are state snapshots and progress, and a closed connection tells a
 * client plainly to reconnect, where silently dropped ones would leave it showing stale
 * state. A line left unfinished past the deadline closes the connection; a client that
 * waits quietly with nothing half-sent (`aime now`, a subscription) is never closed.
 */
export class ClientConnection implements BudgetHolder {
  private readonly socket: Socket;
  private readonly deps: ConnectionDeps;
  private readonly decoder: LineDecoder;
  private readonly abort = new AbortController();
  private readonly cleanups: (() => void)[] = [];
  private readonly pauses = new Set<PauseReason>();
  private waiting: string[] = [];
  private nextWaiting = 0;
  private inFlight = 0;
  private unreadNotificationBytes = 0;
  private lineDeadline?: NodeJS.Timeout;
  private closing = false;
  private reading = false;
  private servingScheduled = false;
  private gone = false;

  constructor(socket: Socket, deps: ConnectionDeps) {
    this.socket = socket;
    this.deps = deps;
    this.decoder = new LineDecoder({
      line: (text) => this.waiting.push(text),
      overflow: () => this.send({ jsonrpc: '2.0', id: null, error: { code: RpcErrorCode.InvalidRequest, message: 'request larger than 1 MiB', data: { kind: 'user' } } }),
    });
    socket.on('readable', () => this.readSoon());
    socket.on('drain', () => this.drained());
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.closed());
  }

  /** Aborted when the client goes away. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Writes an answer. A full socket buffer stops reading (and serving) until the client catches up. */
  send(message: unknown): void {
    if (!this.writable()) return;
    if (!this.socket.write(encodeLine(message))) this.pause('replies');
  }

  /** Writes a notification, or disconnects a client that has left too many unread. */
  notify(message: unknown): void {
    if (!this.writable()) return;
    const line = encodeLine(message);
    if (this.socket.writableNeedDrain) {
      this.unreadNotificationBytes += Buffer.byteLength(line);
      if (this.unreadNotificationBytes > this.deps.limits.notificationBacklogBytes) {
        this.deps.log.warn({ unreadBytes: this.socket.writableLength }, 'disconnected a client that stopped reading its notifications');
        this.socket.destroy();
        return;
      }
    }
    this.send(message);
  }

  /** Runs `cleanup` when the client goes away (at once if it already has). */
  onDisconnect(cleanup: () => void): void {
    if (this.gone) cleanup();
    else this.cleanups.push(cleanup);
  }

  /** Sends one error line, reads nothing more, and closes. */
  closeWith(error: RpcErrorObject): void {
    if (this.closing) return;
    this.closing = true;
    this.clearDeadline();
    endWith(this.socket, error);
  }

  budgetAllowsReading(): void {
    // Later, not inside the budget's bookkeeping (which another connection may be running).
    this.pauses.delete('budget');
    this.deps.turns.request(this.readTurn);
  }

  /** A small read (every normal request) is taken at once; a large one waits its turn. */
  private readSoon(): void {
    if (this.decoder.pendingBytes + this.socket.readableLength <= FREE_PARTIAL_BYTES) this.readAvailable();
    else this.deps.turns.request(this.readTurn);
  }

  private readonly readTurn = () => this.readAvailable();

  /**
   * Pulls what Node has read, as long as nothing holds the connection back. Pulling (not
   * 'data' events) lets the budget judge bytes before they are taken: a connection the
   * budget stops leaves its last read in Node's buffer, which then reads no further.
   */
  private readAvailable(): void {
    if (this.reading || this.gone) return;
    this.reading = true;
    try {
      for (;;) {
        if (this.deps.budget.hold(this, this.decoder.pendingBytes + this.socket.readableLength)) this.pauses.delete('budget');
        else this.pauses.add('budget');
        if (this.closing || this.gone || this.pauses.size > 0) break;
        const chunk = this.socket.read() as Buffer | null;
        if (chunk === null) break;
        this.take(chunk);
      }
    } finally {
      this.reading = false;
    }
    this.syncDeadline();
  }

  private take(chunk: Buffer): void {
    const ended = this.decoder.endedLines;
    this.decoder.push(chunk);
    if (this.decoder.endedLines !== ended) this.clearDeadline(); // the line it timed has ended
    this.serveWaiting();
  }

  /** Hands waiting lines to free slots; reading stays stopped while any line waits. */
  private serveWaiting(): void {
    while (this.nextWaiting < this.waiting.length && this.inFlight < this.deps.limits.maxInFlight && !this.pauses.has('replies') && !this.closing && !this.gone) {
      const text = this.waiting[this.nextWaiting++] as string;
      this.inFlight++;
      void this.deps.serve(text, this).finally(() => {
        this.inFlight--;
        this.serveLater();
      });
    }
    if (this.nextWaiting < this.waiting.length) {
      this.pause('queue');
      return;
    }
    this.waiting = [];
    this.nextWaiting = 0;
    this.resume('queue');
  }

  /**
   * Answers that need no I/O (a status from SQLite) settle in microtasks; serving the next
   * line from there would run a whole pipelined chunk before any other client got a turn.
   * Going through setImmediate lets the event loop serve everyone in between.
   */
  private serveLater(): void {
    if (this.servingScheduled) return;
    this.servingScheduled = true;
    setImmediate(() => {
      this.servingScheduled = false;
      this.serveWaiting();
    });
  }

  private drained(): void {
    this.unreadNotificationBytes = 0;
    this.resume('replies');
    this.serveWaiting();
  }

  private pause(reason: PauseReason): void {
    this.pauses.add(reason);
    this.syncDeadline();
  }

  private resume(reason: PauseReason): void {
    if (!this.pauses.delete(reason)) return;
    if (this.pauses.size === 0) this.readAvailable();
    else this.syncDeadline();
  }

  /**
   * The deadline runs from the moment a line is begun, not from its last byte, so a
   * client trickling a byte now and then cannot hold its line open for ever. It is
   * suspended while the daemon itself holds the client back (answers unread, lines
   * queued) and restarts in full afterwards; a stop for the budget does not suspend it,
   * so under a flood of half-sent lines the ones the budget stopped are closed in time.
   */
  private syncDeadline(): void {
    const runs = this.decoder.midLine && !this.closing && !this.pauses.has('replies') && !this.pauses.has('queue');
    if (!runs) {
      this.clearDeadline();
      return;
    }
    if (this.lineDeadline) return;
    const ms = this.deps.limits.lineDeadlineMs();
    this.lineDeadline = setTimeout(() => this.deadlinePassed(ms), ms);
    this.lineDeadline.unref();
  }

  private deadlinePassed(ms: number): void {
    this.lineDeadline = undefined;
    this.deps.log.info({ pendingBytes: this.decoder.pendingBytes, seconds: ms / 1000 }, 'closed a connection whose request line stayed unfinished');
    this.closeWith({ code: RpcErrorCode.InvalidRequest, message: `request line unfinished after ${ms / 1000} s (no newline); closing the connection`, data: { kind: 'user' } });
  }

  private clearDeadline(): void {
    if (this.lineDeadline) clearTimeout(this.lineDeadline);
    this.lineDeadline = undefined;
  }

  private writable(): boolean {
    return !this.socket.destroyed && this.socket.writable;
  }

  private closed(): void {
    this.gone = true;
    this.clearDeadline();
    this.waiting = [];
    this.nextWaiting = 0;
    this.deps.budget.forget(this);
    this.deps.turns.cancel(this.readTurn);
    this.abort.abort();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }
}

/**
 * Writes one JSON-RPC error line and ends our side, reading nothing more. What the client
 * still sends (a request already on its way) waits unread in the kernel; destroying at
 * once would answer it with a reset that can make the client drop the line before
 * reading it, so the socket is destroyed after a second, or as soon as the client closes.
 */
export function endWith(socket: Socket, error: RpcErrorObject): void {
  socket.on('error', () => socket.destroy());
  const cutOff = setTimeout(() => socket.destroy(), 1000);
  cutOff.unref();
  socket.once('close', () => clearTimeout(cutOff));
  socket.end(encodeLine({ jsonrpc: '2.0', id: null, error }));
}
