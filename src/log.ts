import { destination, pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Field names whose values never reach a log line, wherever they appear. */
const REDACTED_FIELDS = [
  'apiKey', 'apiSecret', 'token', 'clientSecret', 'clientId', 'password', 'authorization', 'Authorization',
  'api_key', 'access_token', 'sk',
];

export interface LogOptions {
  readonly level: string;
  /** Values (tokens, keys) to cut out of every line, even inside messages and URLs. */
  readonly secrets: readonly string[];
  readonly pretty?: boolean;
  readonly destination?: DestinationStream;
}

/**
 * JSON lines on stdout for journald; pretty only when a person watches a TTY.
 * Secrets are removed twice: by field name (pino redact), and by value from the final
 * line, so a token inside an error message or a URL never lands in the journal.
 */
export async function createLogger(options: LogOptions): Promise<Logger> {
  const secrets = options.secrets.filter((secret) => secret.length >= 4);
  const paths = REDACTED_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);
  const base = {
    level: options.level,
    base: { pid: process.pid },
    redact: { paths, censor: '[redacted]' },
    hooks: { streamWrite: (line: string) => redactValues(line, secrets) },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    const { default: pretty } = await import('pino-pretty');
    return pino(base, pretty({ colorize: true, sync: true }));
  }
  return pino(base, destination({ fd: 1, sync: false }));
}

export function redactValues(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join('[redacted]');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join('[redacted]');
  }
  return out;
}

/** A logger that drops everything, for code paths with no daemon (CLI export, tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
