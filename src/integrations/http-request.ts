import { setTimeout as sleep } from 'node:timers/promises';
import type { AimeError } from '../core/errors.js';
import type { Logger } from '../log.js';

/** What a request to the outside is and what comes back (the client is ./http.ts). */

export interface HttpResponse {
  readonly url: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A reply read as bytes (a picture), within a size limit. */
export interface HttpDownload {
  /** Where the bytes came from, after redirects. */
  readonly url: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

export interface DownloadRequest extends HttpRequest {
  /** A larger body is refused (UnrecoverableError) as soon as it is announced or read. */
  readonly maxBytes: number;
  /** Redirects followed (picture hosts answer with a 307 to the file); 0 by default. */
  readonly redirects?: number;
}

/** A reply whose body is read piece by piece as it arrives. */
export interface HttpStream {
  readonly url: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  /** The body's text as it arrives; a silence longer than the timeout fails with RetryLaterError. */
  readonly text: AsyncIterable<string>;
}

/**
 * Decides what a reply means for one service: undefined when it is a success, or the
 * error to raise. RetryLaterError replies are retried with backoff; any other error stops.
 */
export type FailureClassifier = (response: HttpResponse) => AimeError | undefined;

export interface HttpRequest {
  readonly url: string | URL;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly timeoutMs?: number;
  /** Overrides the client's retry count (0: a single try). */
  readonly retries?: number;
  readonly classify?: FailureClassifier;
  /** Waits before each attempt (rate-limited services). */
  readonly pacer?: Pacer;
  readonly signal?: AbortSignal;
  /** Called before each retry, e.g. to refresh a token. */
  readonly onRetry?: (error: AimeError, attempt: number) => void;
}

export interface Pacer {
  /** Resolves when the next request may go. */
  wait(signal?: AbortSignal): Promise<void>;
  /** Learns from a reply (rate-limit headers). */
  observe?(response: HttpResponse): void;
}

/** The tunable part of the client (the http.* config keys). */
export interface HttpSettings {
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryBaseMs: number;
}

export interface HttpClientOptions extends HttpSettings {
  readonly userAgent: string;
  readonly log: Logger;
  readonly maxDelayMs?: number;
  /**
   * Current settings, asked before every request, when they may change while the process
   * runs (the daemon after `aime config set http.retries`); the fixed values above otherwise.
   */
  readonly settings?: () => HttpSettings;
}

/** Ensures at least `intervalMs` between two requests (MusicBrainz: 1 per second). */
export class MinIntervalPacer implements Pacer {
  private next = 0;
  private readonly intervalMs: number;
  constructor(intervalMs: number) {
    this.intervalMs = intervalMs;
  }
  async wait(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + this.intervalMs;
    // A timer cannot wait less than a millisecond: a shorter wait (a pace of thousands a
    // second, as local stand-ins take) would cost a whole one per request.
    if (at - now >= 1) await sleep(at - now, undefined, { signal });
  }
}

