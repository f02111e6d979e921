import { setTimeout as sleep } from 'node:timers/promises';
import type { Agent } from 'undici';
import { AimeError, RetryLaterError, UnrecoverableError } from '../core/errors.js';
import type { DownloadRequest, HttpClientOptions, HttpDownload, HttpRequest, HttpResponse, HttpSettings, HttpStream } from './http-request.js';
import { defaultClassifier, hostOf, isUndiciTimeout, lowerCaseHeaders, networkFailure, redactUrl } from './http-replies.js';

export * from './http-request.js';
export { defaultClassifier, redactUrl, retryAfterMs } from './http-replies.js';

/**
 * The one way AIME talks to the outside: timeouts, retries with exponential backoff and
 * full jitter, Retry-After, pacing, an identifying User-Agent, and one log line per failure
 * (URLs are logged without their query string, where keys live).
 */
export class HttpClient {
  private readonly options: HttpClientOptions;
  private undici?: Promise<{ agent: Agent; request: typeof import('undici').request }>;

  constructor(options: HttpClientOptions) {
    this.options = options;
  }

  private settings(): HttpSettings {
    return this.options.settings?.() ?? this.options;
  }

  /** undici is loaded on the first request: an idle daemon with no service configured never pays for it. */
  private transport() {
    this.undici ??= import('undici').then(({ Agent, request }) => ({ agent: new Agent({ keepAliveTimeout: 10_000, connections: 8 }), request }));
    return this.undici;
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    return this.retrying(req, async () => {
      const response = await this.once(req);
      req.pacer?.observe?.(response);
      const verdict = (req.classify ?? defaultClassifier)(response);
      if (verdict) throw verdict;
      return response;
    });
  }

  /**
   * Like send(), for replies read as they arrive (server-sent events). Failures before a
   * successful reply starts are retried as in send(); after that the caller decides, since
   * part of the answer may already be shown. `timeoutMs` bounds the wait for the headers and
   * every silence between two pieces, never the whole reply.
   */
  async stream(req: HttpRequest): Promise<HttpStream> {
    return this.retrying(req, async () => {
      const opened = await this.open(req);
      if (opened.status >= 200 && opened.status < 300) return opened;
      let body = '';
      for await (const piece of opened.text) body += piece;
      const response: HttpResponse = { url: opened.url, status: opened.status, headers: opened.headers, body };
      req.pacer?.observe?.(response);
      throw (req.classify ?? defaultClassifier)(response) ?? defaultClassifier(response) ?? new UnrecoverableError(`${hostOf(req.url)} answered HTTP ${opened.status}`);
    });
  }

  /** Runs one attempt after another until it succeeds, fails for good, or retries run out. */
  private async retrying<T>(req: HttpRequest, attemptOnce: () => Promise<T>): Promise<T> {
    const settings = this.settings();
    const retries = req.retries ?? settings.retries;
    for (let attempt = 0; ; attempt++) {
      let failure: AimeError;
      try {
        await req.pacer?.wait(req.signal);
        return await attemptOnce();
      } catch (error) {
        if (req.signal?.aborted) throw error;
        failure = error instanceof AimeError ? error : networkFailure(error);
      }
      if (!(failure instanceof RetryLaterError) || attempt >= retries) throw failure;
      const wait = this.backoff(attempt, settings.retryBaseMs, failure.retryAfterMs);
      this.options.log.warn({ url: redactUrl(req.url), attempt: attempt + 1, waitMs: wait, error: failure.message }, 'request failed; retrying');
      req.onRetry?.(failure, attempt + 1);
      await sleep(wait, undefined, { signal: req.signal });
    }
  }

  /**
   * GET as bytes: redirects followed up to `redirects` (http and https only), the body read
   * up to `maxBytes`, the timeout bounding the whole attempt (redirects and body included).
   * The final reply is classified like send()'s, its body given to the classifier as ''.
   */
  async download(req: DownloadRequest): Promise<HttpDownload> {
    return this.retrying(req, async () => {
      const timeoutMs = req.timeoutMs ?? this.settings().timeoutMs;
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
      try {
        const reply = await this.fetchBytes(req, signal, timeoutMs);
        const verdict = (req.classify ?? defaultClassifier)({ url: reply.url, status: reply.status, headers: reply.headers, body: '' });
        if (verdict) throw verdict;
        return reply;
      } catch (error) {
        if (timeout.aborted && !req.signal?.aborted) throw new RetryLaterError(`${hostOf(req.url)} did not answer within ${Math.round(timeoutMs / 1000)} s`, { cause: error });
        throw error;
      }
    });
  }

  private async fetchBytes(req: DownloadRequest, signal: AbortSignal, timeoutMs: number): Promise<HttpDownload> {
    const { agent, request } = await this.transport();
    let url = new URL(String(req.url));
    for (let redirect = 0; ; redirect++) {
      const res = await request(url, this.requestOptions({ ...req, url, method: 'GET', body: undefined }, { accept: 'image/*, */*;q=0.5', signal, agent, timeoutMs }));
      const headers = lowerCaseHeaders(res.headers);
      if (res.statusCode >= 300 && res.statusCode < 400 && headers.location && redirect < (req.redirects ?? 0)) {
        await res.body.dump();
        url = new URL(headers.location, url);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UnrecoverableError(`${hostOf(req.url)} redirected to a ${url.protocol} address`);
        continue;
      }
      const tooLarge = () => new UnrecoverableError(`${url.host} sent more than ${req.maxBytes} bytes`);
      if (Number(headers['content-length'] ?? 0) > req.maxBytes) {
        res.body.destroy();
        throw tooLarge();
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > req.maxBytes) {
          res.body.destroy();
          throw tooLarge();
        }
        chunks.push(chunk as Buffer);
      }
      return { url: url.href, status: res.statusCode, headers, body: new Uint8Array(Buffer.concat(chunks, size)) };
    }
  }

  async json<T>(req: HttpRequest): Promise<T> {
    const response = await this.send(req);
    try {
      return JSON.parse(response.body) as T;
    } catch (error) {
      throw new RetryLaterError(`${hostOf(req.url)} sent a reply that is not JSON`, { cause: error });
    }
  }

  async close(): Promise<void> {
    if (this.undici) await (await this.undici).agent.close();
  }

  private backoff(attempt: number, retryBaseMs: number, retryAfterMs?: number): number {
    const cap = this.options.maxDelayMs ?? 60_000;
    if (retryAfterMs !== undefined) return Math.min(retryAfterMs, cap * 5);
    const exp = Math.min(cap, retryBaseMs * 2 ** attempt);
    return Math.round(exp / 2 + Math.random() * (exp / 2));
  }

  private async once(req: HttpRequest): Promise<HttpResponse> {
    const timeoutMs = req.timeoutMs ?? this.settings().timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const { agent, request } = await this.transport();
    try {
      const res = await request(req.url, this.requestOptions(req, { accept: 'application/json', signal, agent, timeoutMs }));
      const body = await res.body.text();
      return { url: String(req.url), status: res.statusCode, headers: lowerCaseHeaders(res.headers), body };
    } catch (error) {
      if (timeout.aborted && !req.signal?.aborted) {
        throw new RetryLaterError(`${hostOf(req.url)} did not answer within ${Math.round(timeoutMs / 1000)} s`, { cause: error });
      }
      throw error;
    }
  }

  /** What undici is asked for every request; the reply is bounded by `timeoutMs` between its pieces. */
  private requestOptions(req: HttpRequest, how: { accept: string; signal: AbortSignal | undefined; agent: Agent; timeoutMs: number }) {
    return {
      method: req.method ?? 'GET',
      headers: { 'user-agent': this.options.userAgent, accept: how.accept, ...req.headers },
      body: req.body,
      signal: how.signal,
      dispatcher: how.agent,
      headersTimeout: how.timeoutMs,
      bodyTimeout: how.timeoutMs,
      maxRedirections: 0,
    } as Parameters<typeof import('undici').request>[1];
  }

  private async open(req: HttpRequest): Promise<HttpStream> {
    const timeoutMs = req.timeoutMs ?? this.settings().timeoutMs;
    const { agent, request } = await this.transport();
    const silent = () => `${hostOf(req.url)} did not answer within ${Math.round(timeoutMs / 1000)} s`;
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(req.url, this.requestOptions(req, { accept: 'text/event-stream, application/json', signal: req.signal, agent, timeoutMs }));
    } catch (error) {
      if (isUndiciTimeout(error)) throw new RetryLaterError(silent(), { cause: error });
      throw error;
    }
    const headers = lowerCaseHeaders(res.headers);
    const body = res.body;
    async function* text(): AsyncGenerator<string> {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of body) yield decoder.decode(chunk as Uint8Array, { stream: true });
      } catch (error) {
        if (req.signal?.aborted) throw error;
        throw isUndiciTimeout(error) ? new RetryLaterError(silent(), { cause: error }) : networkFailure(error);
      } finally {
        body.destroy();
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    }
    return { url: String(req.url), status: res.statusCode, headers, text: text() };
  }
}

