import { AimeError, RetryLaterError, UnrecoverableError, AuthError, UserError, errorMessage } from '../core/errors.js';
import type { HttpResponse } from './http-request.js';

/** What a reply means (the generic HTTP rules), and how a URL is shown in logs and messages. */

export function lowerCaseHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Generic HTTP meaning of a reply; services add their own rules on top. */
export function defaultClassifier(response: HttpResponse): AimeError | undefined {
  const { status } = response;
  if (status >= 200 && status < 300) return undefined;
  const where = hostOf(response.url);
  if (status === 429 || status === 503 || status === 502 || status === 504 || status >= 500) {
    return new RetryLaterError(`${where} answered HTTP ${status}`, { retryAfterMs: retryAfterMs(response.headers['retry-after']), detail: { status } });
  }
  if (status === 401 || status === 403) return new AuthError(`${where} refused the credentials (HTTP ${status})`, { detail: { status } });
  if (status === 404) return new UserError(`${where}: not found (HTTP 404)`, { detail: { status } });
  return new UnrecoverableError(`${where} answered HTTP ${status}`, { detail: { status } });
}

export function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function networkFailure(error: unknown): AimeError {
  const code = (error as { code?: string }).code ?? '';
  return new RetryLaterError(`network error${code ? ` (${code})` : ''}: ${errorMessage(error)}`, { cause: error });
}

export function isUndiciTimeout(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
}

export function hostOf(url: string | URL): string {
  try {
    return new URL(String(url)).host;
  } catch {
    return String(url);
  }
}

export function redactUrl(url: string | URL): string {
  try {
    const parsed = new URL(String(url));
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '[url]';
  }
}
