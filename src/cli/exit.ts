import { AimeError, errorMessage } from '../core/errors.js';
import { DaemonUnreachableError } from './client.js';

/** SPEC §5 exit codes; 130 (128 + SIGINT, the shell's convention) for work stopped by Ctrl-C. */
export const ExitCode = { Ok: 0, Failed: 1, BadUsage: 2, DaemonUnreachable: 3, Interrupted: 130 } as const;

/** The one place an error becomes an exit code: bad input and unknown things are the caller's (2). */
export function exitCodeFor(error: unknown): number {
  if (error instanceof DaemonUnreachableError) return ExitCode.DaemonUnreachable;
  if (error instanceof AimeError && (error.kind === 'user' || error.kind === 'not-found')) return ExitCode.BadUsage;
  return ExitCode.Failed;
}

/** The error as the `--json` document on stdout: `{error: {kind, message, exitCode}}` (SPEC §5). */
export function writeJsonError(error: unknown): void {
  const kind = error instanceof DaemonUnreachableError ? 'daemon-unreachable' : error instanceof AimeError ? error.kind : 'internal';
  process.stdout.write(JSON.stringify({ error: { kind, message: errorMessage(error), exitCode: exitCodeFor(error) } }) + '\n');
}

/** The error for people: one line on stderr; the stack only when asked (--verbose). */
export function writeErrorLine(error: unknown, verbose: boolean): void {
  process.stderr.write(`aime: ${errorMessage(error)}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
}

/** Reports a failed command both ways it is read and returns its exit code. */
export function reportError(error: unknown, options: { json: boolean; verbose: boolean }): number {
  if (options.json) writeJsonError(error);
  writeErrorLine(error, options.verbose);
  return exitCodeFor(error);
}
