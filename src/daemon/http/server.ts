import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { UnrecoverableError, errorMessage } from '../../core/errors.js';
import type { Logger } from '../../log.js';
import type { Service, ServiceReport } from '../services/registry.js';
import type { DaemonMetrics } from '../metrics/daemon-metrics.js';
import { formatListenAddress, parseListenAddress, type ListenAddress } from '../../config/listen-address.js';
import { errorBody, errorReply } from './replies.js';
import { readBody } from './request-body.js';
import { RouteTable, type Reply, type Route } from './routes.js';

/** Guards against slow or greedy clients; the defaults suit a household's players on a LAN. */
export interface HttpListenerLimits {
  /** Connections open at once; more are refused at accept time. */
  readonly maxConnections: number;
  /** The whole request head must arrive within this (a slowloris client is cut off). */
  readonly headersTimeoutMs: number;
  /** The whole request, body included (10 MB over a slow Wi-Fi link fits). */
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  /** How often Node looks for connections past those timeouts. */
  readonly timeoutCheckIntervalMs: number;
  /** How long stop() lets answers in progress finish before closing their connections. */
  readonly stopGraceMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpListenerLimits = {
  maxConnections: 64,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  timeoutCheckIntervalMs: 1_000,
  stopGraceMs: 3_000,
};

export interface HttpListenerDeps {
  /** `http.listen` ("127.0.0.1:8377"); empty means the listener is off. */
  readonly listen: () => string;
  readonly routes: readonly Route[];
  readonly metrics: DaemonMetrics;
  readonly log: Logger;
  readonly limits?: Partial<HttpListenerLimits>;
}

/**
 * The `http` service: Node's own HTTP server over a small route table (the ListenBrainz
 * API, /health, /metrics). Requests are logged by route name, method, status and time —
 * never the URL or the headers, where tokens travel.
 */
export class HttpListener implements Service {
  readonly name = 'http';
  private readonly deps: HttpListenerDeps;
  private readonly limits: HttpListenerLimits;
  private readonly table: RouteTable;
  private server: Server | undefined;
  private bound: ListenAddress | undefined;
  private startedAt: Date | null = null;
  private lastError: string | null = null;
  private answered = 0;
  private lastAnsweredAt: Date | null = null;
  private stopping: Promise<void> = Promise.resolve();

  constructor(deps: HttpListenerDeps) {
    this.deps = deps;
    this.limits = { ...DEFAULT_HTTP_LIMITS, ...deps.limits };
    this.table = new RouteTable(deps.routes);
  }

  /** An address set is the user asking for the listener: it starts with the daemon unless they stopped it. */
  runsByDefault(): boolean {
    return this.deps.listen().trim() !== '';
  }

  missingConfiguration(): string | undefined {
    const text = this.deps.listen().trim();
    if (!text) return 'the HTTP listener needs an address: aime config set http.listen 127.0.0.1:8377';
    try {
      parseListenAddress(text);
      return undefined;
    } catch (error) {
      return errorMessage(error);
    }
  }

  async start(signal: AbortSignal): Promise<void> {
    const wanted = parseListenAddress(this.deps.listen());
    const limits = this.limits;
    const server = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
      },
      (request, response) =>
        void this.serve(request, response).catch((error: unknown) => {
          this.deps.log.error({ err: errorMessage(error) }, 'HTTP answer failed');
          response.destroy();
        }),
    );
    server.maxConnections = limits.maxConnections;
    server.maxHeadersCount = 100;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => reject(new UnrecoverableError(`cannot listen on ${formatListenAddress(wanted)}: ${error.code ?? errorMessage(error)}`, { cause: error })));
      server.listen(wanted.port, wanted.host, () => resolve());
    });
    server.on('error', (error) => {
      this.lastError = errorMessage(error);
      this.deps.log.error({ err: this.lastError }, 'HTTP listener error');
    });
    const actual = server.address();
    this.bound = { ...wanted, port: typeof actual === 'object' && actual ? actual.port : wanted.port };
    this.server = server;
    this.startedAt = new Date();
    this.lastError = null;
    if (wanted.wildcard) {
      this.deps.log.warn(
        { address: formatListenAddress(this.bound) },
        'HTTP listener open on every network interface: any machine that reaches this port can submit with a token; use 127.0.0.1 unless other machines must connect',
      );
    }
    this.deps.log.info({ address: formatListenAddress(this.bound) }, 'HTTP listener started');
    signal.addEventListener('abort', () => void this.stop(), { once: true });
  }

  /** Resolves once the port is closed and the last answer sent; a second call waits for the first. */
  stop(): Promise<void> {
    const server = this.server;
    if (!server) return this.stopping;
    this.server = undefined;
    this.stopping = (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), this.limits.stopGraceMs);
      await closed;
      clearTimeout(grace);
      this.deps.log.info('HTTP listener stopped');
    })();
    return this.stopping;
  }

  report(): ServiceReport {
    return {
      running: this.server !== undefined,
      // The last request answered: when a player last reached it.
      lastRunAt: this.lastAnsweredAt,
      lastError: this.lastError,
      details: this.server && this.bound ? { url: this.url(), requests: this.answered, since: this.startedAt?.toISOString() ?? null } : {},
    };
  }

  /** "http://127.0.0.1:8377" while running (with the real port when 0 was asked). */
  url(): string | undefined {
    return this.server && this.bound ? `http://${formatListenAddress(this.bound)}` : undefined;
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    let routeName = 'unmatched';
    let reply: Reply;
    try {
      const url = new URL(request.url ?? '/', 'http://listener.invalid');
      const match = this.table.match(request.method ?? 'GET', url.pathname);
      if (match.kind === 'found') {
        routeName = match.route.name ?? match.route.path;
        reply = await match.route.handle({
          method: request.method ?? 'GET',
          url,
          params: match.params,
          headers: request.headers,
          remoteAddress: request.socket.remoteAddress ?? '',
          body: (maxBytes, tooLarge) => readBody(request, maxBytes, tooLarge),
        });
      } else if (match.kind === 'wrong-method') {
        routeName = match.name;
        reply = { ...errorBody(405, 'Method not allowed.'), headers: { Allow: match.allowed.join(', ') } };
      } else {
        reply = errorBody(404, 'Not found.');
      }
    } catch (error) {
      reply = errorReply(error);
    }
    this.send(request, response, reply);
    this.answered++;
    this.lastAnsweredAt = new Date();
    this.deps.metrics.httpRequests.inc({ route: routeName, status: String(reply.status) });
    const fields = { method: request.method, route: routeName, status: reply.status, ms: Math.round((performance.now() - started) * 10) / 10 };
    if (reply.fault !== undefined) this.deps.log.error({ ...fields, err: errorMessage(reply.fault) }, 'HTTP request failed');
    else this.deps.log.debug(fields, 'HTTP request');
  }

  private send(request: IncomingMessage, response: ServerResponse, reply: Reply): void {
    if (response.headersSent || response.destroyed) return;
    const body = reply.text ?? JSON.stringify(reply.json ?? null);
    const headers: Record<string, string | number> = {
      'Content-Type': reply.contentType ?? (reply.text === undefined ? 'application/json' : 'text/plain; charset=utf-8'),
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...reply.headers,
    };
    // Answering before the body is read: the rest of it is not read, the connection ends.
    const unread = !request.complete;
    if (reply.close || unread || !this.server) headers['Connection'] = 'close';
    response.writeHead(reply.status, headers);
    response.end(body);
  }
}
