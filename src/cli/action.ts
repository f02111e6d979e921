import type { Command } from 'commander';
import { reportError } from './exit.js';
import { CliRuntime } from './runtime.js';

/**
 * Wraps a command body: builds the runtime from the global options, runs, closes the
 * daemon connection, and turns any error into one line and the right exit code.
 */
export function action<A extends unknown[]>(body: (cli: CliRuntime, ...args: A) => Promise<number | void>) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    await runCommand(CliRuntime.from(command), (cli) => body(cli, ...(args.slice(0, -1) as A)));
  };
}

/** Runs one command body with its runtime: the exit code it returns, or the one of its error. */
export async function runCommand(cli: CliRuntime, body: (cli: CliRuntime) => Promise<number | void>): Promise<void> {
  try {
    const code = await body(cli);
    process.exitCode = code ?? 0;
  } catch (error) {
    process.exitCode = reportError(error, { json: cli.options.json, verbose: cli.options.verbose });
  } finally {
    await cli.dispose();
  }
}

/** "Example:" lines under a command's --help. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}
