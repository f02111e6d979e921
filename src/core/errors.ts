/**
 * The few error kinds AIME knows. Every failure a user can see is one of these;
 * src/rpc/errors.ts maps them to JSON-RPC error codes (daemon → socket → CLI), and
 * src/cli/exit.ts decides the exit code each one ends the CLI with.
 */
export type ErrorKind = 'user' | 'auth' | 'retry-later' | 'unrecoverable' | 'not-found';

export class AimeError extends Error {
  readonly kind: ErrorKind;
  /** Machine-readable detail for --json output and RPC error data. */
  readonly detail?: Record<string, unknown>;

  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown; detail?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.detail = options?.detail;
    this.name = new.target.name;
  }
}

/** Bad input: a wrong argument, an unknown key, an unreadable file. Exit code 2. */
export class UserError extends AimeError {
  constructor(message: string, options?: { cause?: unknown; detail?: Record<string, unknown> }) {
    super('user', message, options);
  }
}

/** A thing the user asked for does not exist (an id, an album, a zone). Exit code 2. */
export class NotFoundError extends AimeError {
  constructor(message: string, options?: { cause?: unknown; detail?: Record<string, unknown> }) {
    super('not-found', message, options);
  }
}

/** Credentials missing, wrong or revoked at an outside service. */
export class AuthError extends AimeError {
  constructor(message: string, options?: { cause?: unknown; detail?: Record<string, unknown> }) {
    super('auth', message, options);
  }
}

/** A passing failure (timeout, 429, 5xx, dropped connection): trying again later may work. */
export class RetryLaterError extends AimeError {
  /** How long the other side asked us to wait, when it said so (Retry-After). */
  readonly retryAfterMs?: number;
  constructor(message: string, options?: { cause?: unknown; detail?: Record<string, unknown>; retryAfterMs?: number }) {
    super('retry-later', message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** Will not get better by retrying: a broken reply, a bug, a corrupt file. */
export class UnrecoverableError extends AimeError {
  constructor(message: string, options?: { cause?: unknown; detail?: Record<string, unknown> }) {
    super('unrecoverable', message, options);
  }
}

type ErrorOptions = { cause?: unknown; detail?: Record<string, unknown> };

const BY_KIND: Record<ErrorKind, new (message: string, options?: ErrorOptions) => AimeError> = {
  user: UserError,
  'not-found': NotFoundError,
  auth: AuthError,
  'retry-later': RetryLaterError,
  unrecoverable: UnrecoverableError,
};

/** The error of a kind named elsewhere (an RPC reply); an unknown kind is unrecoverable. */
export function errorOfKind(kind: string, message: string, options?: ErrorOptions): AimeError {
  const make = Object.hasOwn(BY_KIND, kind) ? BY_KIND[kind as ErrorKind] : UnrecoverableError;
  return new make(message, options);
}

export function isAimeError(error: unknown): error is AimeError {
  return error instanceof AimeError;
}

/** One line for a user, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
