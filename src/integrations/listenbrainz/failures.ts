import { AuthError, RetryLaterError, UnrecoverableError, type AimeError } from '../../core/errors.js';
import type { SubmitVerdict } from '../../core/forwarding/ports.js';
import { retryAfterMs, type HttpResponse } from '../http.js';

/**
 * What a ListenBrainz submit-listens reply means:
 * - 200 `{"status":"ok"}`: accepted;
 * - 400 (the submission breaks a rule) and 413 (too large): refused, with the server's own
 *   words — a verdict on the listens, read by `submitVerdict`, not a failure;
 * - 401, 403: the token is refused (AuthError: stop and tell, never a retry storm);
 * - 429: over the rate limit, retried after X-RateLimit-Reset-In (or Retry-After);
 * - 5xx, and a 200 that is not ListenBrainz's answer (a proxy's page): retried later;
 * - anything else (404: a wrong forward.listenbrainz.url): unrecoverable until the configuration changes.
 */
export function classifyListenbrainzReply(response: HttpResponse): AimeError | undefined {
  const { status } = response;
  const where = hostOf(response.url);
  if (status === 200) return isOk(response.body) ? undefined : new RetryLaterError(`${where} answered HTTP 200 without ListenBrainz's {"status":"ok"}`, { detail: { status } });
  if (status === 400 || status === 413) return undefined;
  const said = serverError(response.body);
  const detail = { status };
  if (status === 401 || status === 403) {
    return new AuthError(`${where} refused the token (HTTP ${status}${said ? `: ${said}` : ''}): check forward.listenbrainz.token`, { detail });
  }
  if (status === 429) {
    return new RetryLaterError(`${where} asks to slow down (HTTP 429)`, { detail, retryAfterMs: rateLimitResetMs(response.headers) ?? retryAfterMs(response.headers['retry-after']) });
  }
  if (status >= 500) return new RetryLaterError(`${where} answered HTTP ${status}${said ? `: ${said}` : ''}`, { detail, retryAfterMs: retryAfterMs(response.headers['retry-after']) });
  return new UnrecoverableError(`${where} answered HTTP ${status}${said ? `: ${said}` : ''} (check forward.listenbrainz.url)`, { detail });
}

/** The verdict of a reply the classifier let through (200, 400 or 413). */
export function submitVerdict(response: HttpResponse): SubmitVerdict {
  if (response.status === 200) return { accepted: true };
  return { accepted: false, reason: serverError(response.body) ?? `HTTP ${response.status}` };
}

/** X-RateLimit-Reset-In: seconds until the rate-limit window has room again (ListenBrainz's preferred header). */
export function rateLimitResetMs(headers: Record<string, string>): number | undefined {
  const seconds = Number(headers['x-ratelimit-reset-in']);
  return headers['x-ratelimit-reset-in'] !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function isOk(body: string): boolean {
  try {
    return (JSON.parse(body) as { status?: unknown })?.status === 'ok';
  } catch {
    return false;
  }
}

/** The `error` of ListenBrainz's `{"code":400,"error":"…"}`, if the body is one. */
function serverError(body: string): string | undefined {
  try {
    const error = (JSON.parse(body) as { error?: unknown })?.error;
    return typeof error === 'string' && error.trim() ? error.trim().slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
