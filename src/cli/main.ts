import type { Command } from 'commander';
import { VERSION } from '../version.js';
import { examples, runCommand } from './action.js';
import { UserError } from '../core/errors.js';
import { ExitCode, exitCodeFor, writeJsonError } from './exit.js';
import { plainStatusOptions } from './plain-status.js';
import { CliRuntime } from './runtime.js';
type Register = (program: Command) => void;

/**
 * Every command group, in the order `aime --help` lists them, with the top-level commands
 * it defines. A group's module is imported only when its command runs (or for help and
 * suggestions): loading all of them costs ~40 ms that `aime status` in a status bar does not need.
 */
const GROUPS: readonly { readonly commands: readonly string[]; load(): Promise<Register> }[] = [
  { commands: ['status', 'health'], load: async () => (await import('./commands/status.js')).registerStatusCommands },
  { commands: ['daemon'], load: async () => (await import('./commands/daemon.js')).registerDaemonCommands },
  { commands: ['service'], load: async () => (await import('./commands/service.js')).registerServiceCommands },
  { commands: ['config'], load: async () => (await import('./commands/config.js')).registerConfigCommands },
  { commands: ['db'], load: async () => (await import('./commands/db.js')).registerDbCommands },
  { commands: ['roon'], load: async () => (await import('./commands/roon.js')).registerRoonCommands },
  { commands: ['now'], load: async () => (await import('./commands/now.js')).registerNowCommands },
  { commands: ['import'], load: async () => (await import('./commands/import.js')).registerImportCommands },
  { commands: ['collection'], load: async () => (await import('./commands/collection.js')).registerCollectionCommands },
  { commands: ['enrich'], load: async () => (await import('./commands/enrich.js')).registerEnrichCommands },
  { commands: ['history', 'love', 'unlove'], load: async () => (await import('./commands/history.js')).registerHistoryCommands },
  { commands: ['spin'], load: async () => (await import('./commands/spin.js')).registerSpinCommands },
  { commands: ['timeline'], load: async () => (await import('./commands/timeline.js')).registerTimelineCommands },
  { commands: ['alias'], load: async () => (await import('./commands/alias.js')).registerAliasCommands },
  { commands: ['ai'], load: async () => (await import('./commands/ai.js')).registerAiCommands },
  { commands: ['playlist'], load: async () => (await import('./commands/playlist.js')).registerPlaylistCommands },
  { commands: ['stats'], load: async () => (await import('./commands/stats.js')).registerStatsCommands },
  { commands: ['wrapped'], load: async () => (await import('./commands/wrapped.js')).registerWrappedCommands },
  { commands: ['jobs'], load: async () => (await import('./commands/jobs.js')).registerJobsCommands },
  { commands: ['export'], load: async () => (await import('./commands/export.js')).registerExportCommands },
  { commands: ['forward'], load: async () => (await import('./commands/forward.js')).registerForwardCommands },
  { commands: ['token'], load: async () => (await import('./commands/token.js')).registerTokenCommands },
];

/** Global options that take a value, so the command name is found after them. */
const VALUE_OPTIONS = new Set(['--home', '--socket']);

/** The top-level command named in argv, if any (undefined for `aime --help`, `aime -V`…). */
export function commandName(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return argv[i + 1];
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** The program with every command group, or only the one defining `command` when it is known. */
export async function buildProgram(command?: string): Promise<Command> {
  const { Command, Option } = await import('commander');
  const program = new Command('aime')
    .description('AIME — AI Music Enabler: your listening life (Last.fm, Roon, Discogs) on your own machine.')
    .version(VERSION, '-V, --version')
    .option('--json', 'machine-readable output on stdout (nothing else)')
    .option('--home <dir>', 'folder holding config, database and socket (env AIME_HOME)')
    .option('--socket <path>', 'daemon socket path (env AIME_SOCKET)')
    .option('--no-color', 'no colours (also NO_COLOR=1, or when stdout is not a terminal)')
    .option('-q, --quiet', 'print only results and errors')
    .addOption(new Option('--verbose', 'show stack traces of errors'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`aime: ${text.replace(/^error: /, '')}`) })
    .addHelpText('after', examples('aime status', 'aime service start lastfm-tracker', 'aime status --json | jq .db'));
  const group = GROUPS.find((candidate) => command !== undefined && candidate.commands.includes(command));
  const registers = await Promise.all((group ? [group] : GROUPS).map((candidate) => candidate.load()));
  for (const register of registers) register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `aime history | head`: the reader left, which is no failure of ours and no stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.Ok);
    throw error;
  });
  const plain = plainStatusOptions(argv);
  if (plain) {
    const { showStatus } = await import('./commands/status.js');
    return runCommand(new CliRuntime(plain), showStatus);
  }
  const program = await buildProgram(commandName(argv));
  const { CommanderError } = await import('commander');
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander.help with a non-zero code is a command group run without its subcommand: bad usage.
      const ok = (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') && error.exitCode === 0;
      if (ok) {
        process.exitCode = ExitCode.Ok;
        return;
      }
      // commander already wrote its line on stderr; --json promises the error on stdout as well.
      const usage = new UserError(error.code === 'commander.help' ? 'a subcommand is missing (see --help)' : error.message.replace(/^error: /, ''));
      process.exitCode = exitCodeFor(usage);
      if (wantsJson(argv)) writeJsonError(usage);
      return;
    }
    throw error;
  }
}

/** Whether --json is among the options (before a `--` that ends them), even if parsing failed. */
function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}
