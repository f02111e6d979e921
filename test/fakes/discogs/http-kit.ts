// Plumbing shared by the local fake servers (Discogs, Spotify, MusicBrainz): a loopback
// listener that can always be closed (even with stalled requests), a request log, scripted
// or random faults and a tiny image. Generic on purpose; it lives here only because each
// engineer owns one folder.
import { seededRandom } from '../../../src/core/random.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  /** Raw query string without the leading `?` (empty when none). */
  readonly query: string;
  readonly userAgent: string;
  readonly at: number;
  /** Final status; 0 while pending and for dropped or stalled requests. */
  status: number;
}

export type PathMatch = string | RegExp;

/** Substring or RegExp test against `path?query`. */
export function matchesTarget(match: PathMatch | undefined, target: string): boolean {
  if (match === undefined) return true;
  return typeof match === 'string' ? target.includes(match) : match.test(target);
}

export class RequestLog {
  readonly #entries: LoggedRequest[] = [];

  get entries(): readonly LoggedRequest[] {
    return this.#entries;
  }

  begin(req: IncomingMessage, url: URL, res: ServerResponse): LoggedRequest {
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search.slice(1),
      userAgent: req.headers['user-agent'] ?? '',
      at: Date.now(),
      status: 0,
    };
    this.#entries.push(entry);
    res.once('finish', () => {
      entry.status = res.statusCode;
    });
    return entry;
  }

  /** Number of logged requests whose `path?query` matches (all when no match given). */
  count(match?: PathMatch): number {
    return this.#entries.filter((e) => matchesTarget(match, `${e.path}?${e.query}`)).length;
  }

  byPath(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const e of this.#entries) counts[e.path] = (counts[e.path] ?? 0) + 1;
    return counts;
  }

  reset(): void {
    this.#entries.length = 0;
  }
}


/** FNV-1a hash of a string: stable seeds and ids from names. */
export function hashKey(key: string): number {
  let hash = 2166136261;
  for (const ch of key) hash = Math.imul(hash ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return hash;
}

/** Search words: lowercase, accents removed, punctuation dropped ("Björk's" → bjork, s). */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * HTTP status faults answer with the service's own error body; `drop` destroys the socket,
 * `stall` never answers, `garbage` is a 200 with truncated JSON, `empty` a 200 with no body.
 */
export type FaultKind = '429' | '500' | '502' | '503' | 'drop' | 'stall' | 'garbage' | 'empty';

export interface FaultOptions {
  /** How many matching requests get this fault (default 1). */
  times?: number;
  /** Only requests whose `path?query` matches. */
  match?: PathMatch;
}

export class FaultInjector {
  readonly #queue: { kind: FaultKind; left: number; match: PathMatch | undefined }[] = [];
  #random: { kind: FaultKind; p: number }[] = [];
  #rng: () => number = seededRandom(1);

  /** Queue a fault for the next matching request(s); queued faults are served in order. */
  failNext(kind: FaultKind, options: FaultOptions = {}): void {
    this.#queue.push({ kind, left: options.times ?? 1, match: options.match });
  }

  /** Each request independently gets a fault with these probabilities (seeded, repeatable). */
  setRandom(probabilities: Partial<Record<FaultKind, number>>, seed = 1): void {
    this.#rng = seededRandom(seed);
    this.#random = Object.entries(probabilities).map(([kind, p]) => ({ kind: kind as FaultKind, p: p ?? 0 }));
  }

  clear(): void {
    this.#queue.length = 0;
    this.#random = [];
  }

  get pending(): number {
    return this.#queue.reduce((sum, f) => sum + f.left, 0);
  }

  /** Fault to apply to a request for `target` (`path?query`), if any. */
  take(target: string): FaultKind | undefined {
    const index = this.#queue.findIndex((f) => matchesTarget(f.match, target));
    if (index >= 0) {
      const fault = this.#queue[index]!;
      fault.left -= 1;
      if (fault.left <= 0) this.#queue.splice(index, 1);
      return fault.kind;
    }
    let roll = this.#rng();
    for (const { kind, p } of this.#random) {
      if (roll < p) return kind;
      roll -= p;
    }
    return undefined;
  }
}

export interface ErrorReply {
  body: unknown;
  headers?: Record<string, string>;
}

/** Serve a fault; `errorReply` gives the service-specific body for HTTP status faults. */
export function serveFault(kind: FaultKind, res: ServerResponse, errorReply: (status: number) => ErrorReply): void {
  switch (kind) {
    case 'drop':
      res.socket?.destroy();
      return;
    case 'stall':
      return;
    case 'garbage':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"results": [{"id": 1, "title": "Trunc');
      return;
    case 'empty':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '0' });
      res.end();
      return;
    default: {
      const reply = errorReply(Number(kind));
      sendJson(res, Number(kind), reply.body, reply.headers);
    }
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export async function readBody(req: IncomingMessage, limit = 1 << 20): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// The defaults of HTTP libraries count as "no User-Agent": real services block them.
const LIBRARY_DEFAULT_UA = /^(node|undici|node-fetch|axios|got|python-requests|python-urllib|java|okhttp|go-http-client|curl|wget)\b/i;

export function hasMeaningfulUserAgent(userAgent: string | undefined): boolean {
  const ua = userAgent?.trim() ?? '';
  return ua !== '' && !LIBRARY_DEFAULT_UA.test(ua);
}

/** A valid 1×1 PNG, served wherever a fake hands out image URLs. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPocFECAAJGAO+KWPqeAAAAAElFTkSuQmCC',
  'base64',
);

export function sendImage(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(TINY_PNG.length) });
  res.end(TINY_PNG);
}

export type FakeHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface LocalServer {
  readonly url: string;
  readonly log: RequestLog;
  close(): Promise<void>;
}

/** Listen on 127.0.0.1, port 0; every request is logged before the handler runs. */
export async function listenLocal(handler: FakeHandler): Promise<LocalServer> {
  const log = new RequestLog();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    log.begin(req, url, res);
    Promise.resolve()
      .then(() => handler(req, res, url))
      .catch((err: unknown) => {
        if (res.headersSent) res.destroy();
        else sendJson(res, 500, { message: `fake server error: ${String(err)}` });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

export { seededRandom };
