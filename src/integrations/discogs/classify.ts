import { AuthError, NotFoundError, RetryLaterError, UnrecoverableError, type AimeError } from '../../core/errors.js';
import { defaultClassifier, retryAfterMs, type HttpResponse } from '../http.js';

/** What a Discogs reply means, by status code (never by message text). */
export function classifyDiscogs(response: HttpResponse): AimeError | undefined {
  const { status } = response;
  if (status >= 200 && status < 300) return undefined;
  if (status === 429) {
    return new RetryLaterError('Discogs says requests come too quickly (HTTP 429); waiting for the rate-limit window', {
      retryAfterMs: retryAfterMs(response.headers['retry-after']),
      detail: { status },
    });
  }
  if (status === 401) return new AuthError('Discogs refused the token (check discogs.token: aime config set discogs.token …)', { detail: { status } });
  if (status === 403) {
    return new UnrecoverableError('Discogs refused the request (HTTP 403): the collection may be private to another user', { detail: { status } });
  }
  if (status === 404) return new NotFoundError(`Discogs: ${discogsMessage(response) ?? 'not found'} (check discogs.username)`, { detail: { status } });
  return defaultClassifier(response);
}

function discogsMessage(response: HttpResponse): string | undefined {
  try {
    const body = JSON.parse(response.body) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : undefined;
  } catch {
    return undefined;
  }
}
