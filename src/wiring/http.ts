import type { AimeConfig } from '../config/config.js';
import { HttpClient } from '../integrations/http.js';
import type { Logger } from '../log.js';
import { PROJECT_URL, VERSION } from '../version.js';

/** The one outgoing HTTP client of a process (daemon or job worker), from the http.* settings. */
export function buildHttpClient(values: AimeConfig, log: Logger): HttpClient {
  return new HttpClient({
    userAgent: `aime/${VERSION} (+${PROJECT_URL})`,
    log: log.child({ component: 'http' }),
    timeoutMs: values.http.timeoutSeconds * 1000,
    retries: values.http.retries,
    retryBaseMs: values.http.retryBaseMs,
  });
}
