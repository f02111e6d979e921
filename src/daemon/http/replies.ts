import { AuthError, NotFoundError, RetryLaterError, UserError } from '../../core/errors.js';
import { BodyTooLarge, ClientWentAway } from './request-body.js';
import type { Reply } from './routes.js';

/** The real server's error body: `{"code": 400, "error": "…"}`. */
export function errorBody(status: number, message: string): Reply {
  return { status, json: { code: status, error: message } };
}

/** What went wrong on the server is logged; the client gets no detail of it. */
const INTERNAL_ERROR_MESSAGE = 'Something went wrong. Please try again.';

/** The one map from AIME's error kinds to HTTP answers. */
export function errorReply(error: unknown): Reply {
  if (error instanceof BodyTooLarge) return { ...errorBody(400, error.message), close: true };
  // 499 as nginx counts it ("client closed request"): not the server's fault, and never sent.
  if (error instanceof ClientWentAway) return { ...errorBody(499, error.message), close: true };
  if (error instanceof UserError) return errorBody(400, error.message);
  if (error instanceof AuthError) return errorBody(401, error.message);
  if (error instanceof NotFoundError) return errorBody(404, error.message);
  if (error instanceof RetryLaterError) {
    const headers: Record<string, string> = error.retryAfterMs === undefined ? {} : { 'Retry-After': String(Math.ceil(error.retryAfterMs / 1000)) };
    return { ...errorBody(503, error.message), headers };
  }
  return { ...errorBody(500, INTERNAL_ERROR_MESSAGE), fault: error };
}
