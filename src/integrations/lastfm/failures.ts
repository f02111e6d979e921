import { AuthError, RetryLaterError, UnrecoverableError, UserError, type AimeError } from '../../core/errors.js';
import { defaultClassifier, retryAfterMs, type HttpResponse } from '../http.js';

/** Last.fm error codes that pass: offline (2, 11), operation failed (8), temporary (16), rate limit (29). */
const PASSING = new Set([2, 8, 11, 16, 29]);

/**
 * What one Last.fm reply means, decided by HTTP status and by the `error` code inside the
 * body (Last.fm sends some errors with HTTP 200). Never by message text.
 */
export type LastfmVerdict = { readonly body: unknown } | { readonly error: AimeError };

export function interpretLastfmReply(response: HttpResponse, user: string): LastfmVerdict {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch (cause) {
    if (response.status >= 200 && response.status < 300) {
      // A proxy page or a cut body: the next attempt usually gets the real answer.
      return { error: new RetryLaterError(`Last.fm sent a reply that is not JSON (HTTP ${response.status})`, { cause }) };
    }
    return { error: defaultClassifier(response) ?? new UnrecoverableError(`Last.fm answered HTTP ${response.status}`) };
  }
  const code = errorCode(body);
  if (code === undefined) {
    const generic = defaultClassifier(response);
    return generic ? { error: generic } : { body };
  }
  return { error: lastfmError(code, response, user) };
}

function errorCode(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const code = Number((body as { error: unknown }).error);
  return Number.isFinite(code) ? code : undefined;
}

function lastfmError(code: number, response: HttpResponse, user: string): AimeError {
  const detail = { lastfmError: code, status: response.status };
  if (PASSING.has(code)) {
    return new RetryLaterError(`Last.fm is busy or rate-limiting (error ${code}, HTTP ${response.status})`, {
      detail,
      retryAfterMs: retryAfterMs(response.headers['retry-after']),
    });
  }
  switch (code) {
    case 6:
      return new UserError(`Last.fm does not know this request (error 6): check lastfm.username ("${user}")`, { detail });
    case 10:
      return new AuthError('Last.fm rejected the API key (error 10): check lastfm.apiKey', { detail });
    case 17:
      return new AuthError(`Last.fm hides the listening history of "${user}" (error 17): untick "Hide recent listening information" in Last.fm privacy settings`, { detail });
    case 26:
      return new AuthError('Last.fm suspended this API key (error 26): create a new one at https://www.last.fm/api/account/create', { detail });
    default:
      return new UnrecoverableError(`Last.fm refused the request (error ${code}, HTTP ${response.status})`, { detail });
  }
}
