import { AimeError, RetryLaterError, UnrecoverableError } from '../core/errors.js';

/**
 * What a failed write to disk means for a user, by SQLite result code or errno (never by
 * message text): a full disk (SQLITE_FULL is what SQLite reports for ENOSPC) is a passing
 * condition the user can fix, a read-only database is a setup problem. Anything else is
 * left to the caller (undefined).
 */
export function storageFailure(error: unknown): AimeError | undefined {
  if (error instanceof AimeError) return undefined;
  const codes = codesOf(error);
  if (codes.has('SQLITE_FULL') || codes.has('ENOSPC') || codes.has('EDQUOT')) {
    const where = pathOf(error);
    return new RetryLaterError(`the disk is full${where ? ` (writing ${where})` : ''}: nothing was saved; free some space and try again`, {
      cause: error,
      detail: { reason: 'disk-full' },
    });
  }
  if ([...codes].some((code) => code.startsWith('SQLITE_READONLY')) || codes.has('EROFS')) {
    return new UnrecoverableError('the database cannot be written (read-only file or file system); check its owner and mode, then restart the daemon', {
      cause: error,
      detail: { reason: 'read-only' },
    });
  }
  return undefined;
}

/** The error's codes and those of what it wraps (TypeORM keeps the driver's error in driverError). */
function codesOf(error: unknown): Set<string> {
  const codes = new Set<string>();
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, driverError, cause } = current as { code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string') codes.add(code);
    current = driverError ?? cause;
  }
  return codes;
}

function pathOf(error: unknown): string | undefined {
  const path = (error as { path?: unknown }).path;
  return typeof path === 'string' ? path : undefined;
}
