// One extension connected to the fake Core: MOO requests in both directions over one
// WebSocket. The Core's own requests (ping, subscribe_status…) use the Core's id counter;
// replies are routed by those ids, as node-roon-api routes its own.
import WebSocket from 'ws';
import { encodeMoo, parseMoo, type MooMessage, type MooVerb } from './moo.js';

export interface RegisterBody {
  extension_id: string;
  display_name: string;
  display_version: string;
  publisher: string;
  email: string;
  website?: string;
  token?: string;
  required_services: string[];
  optional_services: string[];
  provided_services: string[];
}

export interface IncomingRequest {
  readonly conn: CoreConnection;
  readonly service: string;
  readonly name: string;
  readonly requestId: string;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
  sendContinue(name: string, body?: unknown, contentType?: string): void;
  sendComplete(name: string, body?: unknown, contentType?: string): void;
}

/** A service the Core provides: gets every request for its name, and hears of closed sockets. */
export interface CoreService {
  handle(req: IncomingRequest): void;
  connectionClosed?(conn: CoreConnection): void;
}

export type ReplyHandler = (reply: MooMessage | undefined) => void;

export interface ConnectionHooks {
  onRequest(req: IncomingRequest): void;
  onBadFrame(conn: CoreConnection, error: string): void;
}

export class CoreConnection {
  extension: RegisterBody | undefined;
  registered = false;
  private nextRequestId = 0;
  private readonly pending = new Map<string, ReplyHandler>();

  constructor(
    readonly id: number,
    readonly socket: WebSocket,
    private readonly hooks: ConnectionHooks,
  ) {}

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  receive(data: WebSocket.RawData, isBinary: boolean): void {
    if (!isBinary) {
      this.hooks.onBadFrame(this, 'text frame');
      return;
    }
    const buffer = Buffer.isBuffer(data)
      ? data
      : Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.from(data);
    const parsed = parseMoo(buffer);
    if (!parsed.ok) {
      this.hooks.onBadFrame(this, parsed.error);
      return;
    }
    const message = parsed.message;
    if (message.verb === 'REQUEST') {
      this.hooks.onRequest(this.incoming(message));
      return;
    }
    const handler = this.pending.get(message.requestId);
    if (handler && message.verb === 'COMPLETE') this.pending.delete(message.requestId);
    handler?.(message);
  }

  /** Sends a Core→extension request; returns its request id. */
  request(name: string, body?: unknown, options: { quiet?: boolean; onReply?: ReplyHandler } = {}): string {
    const requestId = String(this.nextRequestId++);
    if (options.onReply) this.pending.set(requestId, options.onReply);
    const headers: Record<string, string> = options.quiet ? { Logging: 'quiet' } : {};
    this.send({ verb: 'REQUEST', name, requestId, body, headers });
    return requestId;
  }

  /** Fails every open Core→extension request, as a dropped socket does. */
  closed(): void {
    const handlers = [...this.pending.values()];
    this.pending.clear();
    for (const handler of handlers) handler(undefined);
  }

  send(message: { verb: MooVerb; name: string; requestId: string; body?: unknown; contentType?: string; headers?: Record<string, string> }): void {
    this.sendRaw(encodeMoo(message), true);
  }

  sendRaw(data: Buffer | string, binary: boolean): void {
    if (this.isOpen) this.socket.send(data, { binary });
  }

  private incoming(message: MooMessage): IncomingRequest {
    let completed = false;
    const reply = (verb: MooVerb, name: string, body?: unknown, contentType?: string): void => {
      // A reply after COMPLETE would close the extension's connection (§0 item 6): never send one.
      if (completed) return;
      if (verb === 'COMPLETE') completed = true;
      const out: { verb: MooVerb; name: string; requestId: string; body?: unknown; contentType?: string } = {
        verb,
        name,
        requestId: message.requestId,
        body,
      };
      if (contentType !== undefined) out.contentType = contentType;
      this.send(out);
    };
    return {
      conn: this,
      service: message.service ?? '',
      name: message.name,
      requestId: message.requestId,
      body: message.body,
      headers: message.headers,
      sendContinue: (name, body, contentType) => reply('CONTINUE', name, body, contentType),
      sendComplete: (name, body, contentType) => reply('COMPLETE', name, body, contentType),
    };
  }
}

/** Open subscriptions of one kind (zones, outputs, queue), across connections. */
export class Subscriptions<T = undefined> {
  private readonly open = new Map<string, { req: IncomingRequest; data: T }>();

  add(req: IncomingRequest, data: T): void {
    this.open.set(key(req.conn, subscriptionKey(req.body)), { req, data });
  }

  /** Answers `unsubscribe_*`: COMPLETE Unsubscribed on the subscription, Success on the request. */
  unsubscribe(req: IncomingRequest): void {
    const k = key(req.conn, subscriptionKey(req.body));
    const entry = this.open.get(k);
    this.open.delete(k);
    entry?.req.sendComplete('Unsubscribed');
    req.sendComplete('Success');
  }

  dropConnection(conn: CoreConnection): void {
    for (const [k, entry] of this.open) if (entry.req.conn === conn) this.open.delete(k);
  }

  entries(): Array<{ req: IncomingRequest; data: T }> {
    return [...this.open.values()];
  }

  sendChanged(body: unknown): void {
    for (const { req } of this.open.values()) req.sendContinue('Changed', body);
  }
}

function subscriptionKey(body: unknown): string {
  const value = (body as { subscription_key?: unknown } | undefined)?.subscription_key;
  return String(value ?? '');
}

function key(conn: CoreConnection, subscription: string): string {
  return `${conn.id}/${subscription}`;
}
