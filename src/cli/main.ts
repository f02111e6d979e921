import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { examples } from './action.js';
import { ExitCode } from './exit.js';
import { registerDaemonCommands } from './commands/daemon.js';
import { registerStatusCommands } from './commands/status.js';
import { registerConfigCommands } from './commands/config.js';
import { registerServiceCommands } from './commands/service.js';
import { registerDbCommands } from './commands/db.js';
import { registerJobsCommands } from './commands/jobs.js';
import { registerExportCommands } from './commands/export.js';
import { registerCollectionCommands } from './commands/collection.js';
import { registerImportCommands } from './commands/import.js';
import { registerEnrichCommands } from './commands/enrich.js';
import { registerRoonCommands } from './commands/roon.js';
import { registerNowCommands } from './commands/now.js';
import { registerHistoryCommands } from './commands/history.js';
import { registerTimelineCommands } from './commands/timeline.js';
import { registerAiCommands } from './commands/ai.js';
import { registerPlaylistCommands } from './commands/playlist.js';
import { registerStatsCommands } from './commands/stats.js';

/** Every command group, in the order `aime --help` lists them. */
const GROUPS = [registerStatusCommands, registerDaemonCommands, registerServiceCommands, registerConfigCommands, registerDbCommands, registerRoonCommands, registerNowCommands, registerImportCommands, registerCollectionCommands, registerEnrichCommands, registerHistoryCommands, registerTimelineCommands, registerAiCommands, registerPlaylistCommands, registerStatsCommands, registerJobsCommands, registerExportCommands];

export function buildProgram(): Command {
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
  for (const register of GROUPS) register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander.help with a non-zero code is a command group run without its subcommand: bad usage.
      const ok = (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') && error.exitCode === 0;
      process.exitCode = ok ? ExitCode.Ok : ExitCode.BadUsage;
      // --json promises one JSON document on stdout, errors included (commander only wrote stderr).
      if (!ok && wantsJson(argv)) process.stdout.write(JSON.stringify({ error: { kind: 'user', message: error.code === 'commander.help' ? 'a subcommand is missing (see --help)' : error.message.replace(/^error: /, ''), exitCode: ExitCode.BadUsage } }) + '\n');
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
