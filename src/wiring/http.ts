import type { AimeConfig } from '../config/config.js';
import { HttpClient, type HttpSettings } from '../integrations/http.js';
import type { Logger } from '../log.js';
import { PROJECT_URL, VERSION } from '../version.js';

/**
 * The one outgoing HTTP client of a process (daemon or job worker), from the http.* settings:
 * a snapshot for a short-lived job worker, or a function of the live configuration (the
 * daemon), read again before every request.
 */
export function buildHttpClient(values: AimeConfig | (() => AimeConfig), log: Logger): HttpClient {
  const current = typeof values === 'function' ? values : () => values;
  return new HttpClient({
    userAgent: `aime/${VERSION} (+${PROJECT_URL})`,
    log: log.child({ component: 'http' }),
    ...httpSettings(current()),
    settings: () => httpSettings(current()),
  });
}

function httpSettings(values: AimeConfig): HttpSettings {
  return { timeoutMs: values.http.timeoutSeconds * 1000, retries: values.http.retries, retryBaseMs: values.http.retryBaseMs };
}
