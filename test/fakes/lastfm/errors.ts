// Last.fm's error bodies and the faults the fake can inject. Last.fm does not map its error
// codes to HTTP statuses consistently: some failures arrive with HTTP 200, so clients must
// look at the body's "error" field whatever the status.
import type { ServerResponse } from 'node:http';
import { dropMidResponse, GARBAGE_BODY, resetConnection, sendJson, sendText } from './http-server.js';

export interface LastfmError {
  readonly error: number;
  readonly message: string;
  /** HTTP status sent with the error body. */
  readonly status: number;
}

export const LASTFM_ERRORS = {
  invalidMethod: { error: 3, message: 'Invalid Method - No method with that name in this package', status: 400 },
  invalidFormat: { error: 5, message: "Invalid format - This service doesn't exist in that format", status: 400 },
  missingParameter: { error: 6, message: 'Invalid parameters - Your request is missing a required parameter', status: 400 },
  userNotFound: { error: 6, message: 'User not found', status: 404 },
  albumNotFound: { error: 6, message: 'Album not found', status: 200 },
  trackNotFound: { error: 6, message: 'Track not found', status: 200 },
  operationFailed: { error: 8, message: 'Operation failed - Most likely the backend service failed. Please try again.', status: 200 },
  invalidApiKey: { error: 10, message: 'Invalid API key - You must be granted a valid key by last.fm', status: 403 },
  serviceOffline: { error: 11, message: 'Service Offline - This service is temporarily offline. Try again later.', status: 503 },
  temporaryError: { error: 16, message: 'There was a temporary error processing your request. Please try again', status: 200 },
  loginRequired: { error: 17, message: 'Login: User required to be logged in', status: 403 },
  suspendedApiKey: { error: 26, message: 'Suspended API key - Access for your account has been suspended, please contact Last.fm', status: 403 },
  rateLimited: { error: 29, message: 'Rate Limit Exceeded - Your IP has made too many requests in a short period', status: 429 },
} as const satisfies Record<string, LastfmError>;

/**
 * - `http500`: HTTP 500 with an HTML page, no Last.fm body
 * - `rateLimit`: error 29, HTTP 429
 * - `operationFailed`: error 8 inside an HTTP 200 body
 * - `serviceOffline`: error 11, HTTP 503
 * - `temporaryError`: error 16 inside an HTTP 200 body
 * - `drop`: headers and half the body, then the socket is destroyed
 * - `reset`: the socket is destroyed before any response
 * - `stall`: no answer at all until the client gives up (or the fake closes)
 * - `garbage`: HTTP 200, JSON content type, an HTML proxy page as body
 * - an object: any Last.fm error code with any HTTP status
 */
export type LastfmFaultKind =
  | 'http500'
  | 'rateLimit'
  | 'operationFailed'
  | 'serviceOffline'
  | 'temporaryError'
  | 'drop'
  | 'reset'
  | 'stall'
  | 'garbage';

export type LastfmFault = LastfmFaultKind | { readonly error: number; readonly status?: number; readonly message?: string };

export function sendLastfmError(res: ServerResponse, e: LastfmError, extra: Readonly<Record<string, unknown>> = {}): void {
  sendJson(res, e.status, { error: e.error, message: e.message, ...extra });
}

/** Serves a fault instead of the real answer. `realBody` is what `drop` cuts in half. */
export function serveFault(res: ServerResponse, fault: LastfmFault, realBody: () => string): void {
  if (typeof fault === 'object') {
    sendLastfmError(res, { error: fault.error, status: fault.status ?? 200, message: fault.message ?? `Error ${fault.error}` });
    return;
  }
  switch (fault) {
    case 'http500':
      sendText(res, 500, 'text/html', '<html><body><h1>500 Internal Server Error</h1></body></html>');
      return;
    case 'rateLimit':
      sendLastfmError(res, LASTFM_ERRORS.rateLimited);
      return;
    case 'operationFailed':
      sendLastfmError(res, LASTFM_ERRORS.operationFailed);
      return;
    case 'serviceOffline':
      sendLastfmError(res, LASTFM_ERRORS.serviceOffline);
      return;
    case 'temporaryError':
      sendLastfmError(res, LASTFM_ERRORS.temporaryError);
      return;
    case 'drop':
      dropMidResponse(res, 'application/json; charset=utf-8', realBody());
      return;
    case 'reset':
      resetConnection(res);
      return;
    case 'stall':
      return;
    case 'garbage':
      sendText(res, 200, 'application/json; charset=utf-8', GARBAGE_BODY);
      return;
  }
}

export function faultName(fault: LastfmFault): string {
  return typeof fault === 'object' ? `error${fault.error}` : fault;
}
