import { destination, pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Field names whose values never reach a log line, wherever they appear. */
const REDACTED_FIELDS = [
  'apiKey', 'apiSecret', 'token', 'clientSecret', 'clientId', 'password', 'authorization', 'Authorization',
  'api_key', 'access_token', 'sk',
];

export interface LogOptions {
  readonly level: string;
  /**
   * Values (tokens, keys) to cut out of every line, even inside messages and URLs: a fixed
   * list, or LogSecrets when secrets can be set while the process runs (the daemon).
   */
  readonly secrets: readonly string[] | LogSecrets;
  readonly pretty?: boolean;
  readonly destination?: DestinationStream;
}

/**
 * JSON lines on stdout for journald; pretty only when a person watches a TTY.
 * Secrets are removed twice: by field name (pino redact), and by value from the final
 * line, so a token inside an error message or a URL never lands in the journal.
 */
export async function createLogger(options: LogOptions): Promise<Logger> {
  const secrets = options.secrets instanceof LogSecrets ? options.secrets : new LogSecrets(options.secrets);
  const paths = REDACTED_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);
  const base = {
    level: options.level,
    base: { pid: process.pid },
    redact: { paths, censor: '[redacted]' },
    hooks: { streamWrite: (line: string) => secrets.redact(line) },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    const { default: pretty } = await import('pino-pretty');
    return pino(base, pretty({ colorize: true, sync: true }));
  }
  return pino(base, destination({ fd: 1, sync: false }));
}

/**
 * The secret values a logger cuts out of its lines. A value set while the daemon runs
 * (`aime config set lastfm.apiKey …`) is added at once; a replaced one stays on the list,
 * since older lines or errors may still carry it.
 */
export class LogSecrets {
  private readonly values: string[] = [];

  constructor(values: readonly string[] = []) {
    this.add(values);
  }

  add(values: readonly string[]): void {
    // Shorter values would cut ordinary words out of lines and protect nothing.
    for (const value of values) if (value.length >= 4 && !this.values.includes(value)) this.values.push(value);
  }

  redact(line: string): string {
    return redactValues(line, this.values);
  }
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
