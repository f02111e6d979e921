// Plain node:http plumbing shared by the fake servers: listen on a free local port, close
// without waiting for stalled requests, and misbehave at the transport level on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface LocalServer {
  readonly origin: string;
  readonly port: number;
  /** Requests being handled right now, and the highest number seen at once. */
  readonly load: { inFlight: number; maxInFlight: number };
  close(): Promise<void>;
}

export async function listenLocal(handler: RequestHandler): Promise<LocalServer> {
  const load = { inFlight: 0, maxInFlight: 0 };
  const server: Server = createServer((req, res) => {
    load.inFlight++;
    load.maxInFlight = Math.max(load.maxInFlight, load.inFlight);
    let counted = true;
    const done = (): void => {
      if (counted) load.inFlight--;
      counted = false;
    };
    res.once('close', done);
    handler(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      sendText(res, 500, 'text/plain', `fake server bug: ${String(error)}`);
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    load,
    close: () =>
      new Promise<void>((resolve) => {
        // Stalled requests never end on their own: cut every connection, then stop listening.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function readBody(req: IncomingMessage, maxBytes = 10 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > maxBytes) throw new RangeError(`request body over ${maxBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.destroyed) return;
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

/** Announces the whole body, sends part of it, then destroys the socket. */
export function dropMidResponse(res: ServerResponse, contentType: string, fullBody: string): void {
  if (res.destroyed) return;
  const bytes = Buffer.from(fullBody, 'utf8');
  const sent = Math.max(1, Math.floor(bytes.length / 2));
  res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
  res.write(bytes.subarray(0, sent), () => {
    // Let the partial body reach the client before the connection disappears.
    setTimeout(() => res.socket?.destroy(), 5);
  });
}

/** Closes the connection without any response (the client sees a socket error). */
export function resetConnection(res: ServerResponse): void {
  res.socket?.destroy();
}

export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** A 200 that is not what the client asked for, like a proxy's error page. */
export const GARBAGE_BODY =
  '<html><head><title>502 Bad Gateway</title></head><body>upstream connect error or disconnect/reset before headers\u0000\u00ff</body></html>';
