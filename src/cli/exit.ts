import { AimeError, errorMessage } from '../core/errors.js';
import { DaemonUnreachableError } from './client.js';

/** SPEC §5 exit codes. */
export const ExitCode = { Ok: 0, Failed: 1, BadUsage: 2, DaemonUnreachable: 3 } as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof DaemonUnreachableError) return ExitCode.DaemonUnreachable;
  if (error instanceof AimeError && (error.kind === 'user' || error.kind === 'not-found')) return ExitCode.BadUsage;
  return ExitCode.Failed;
}

/** One line for the user; the stack only when asked (--verbose). */
export function reportError(error: unknown, options: { json: boolean; verbose: boolean }): number {
  const code = exitCodeFor(error);
  const message = errorMessage(error);
  if (options.json) {
    const kind = error instanceof DaemonUnreachableError ? 'daemon-unreachable' : error instanceof AimeError ? error.kind : 'internal';
    process.stdout.write(JSON.stringify({ error: { kind, message, exitCode: code } }) + '\n');
  }
  process.stderr.write(`aime: ${message}\n`);
  if (options.verbose && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
  return code;
}
