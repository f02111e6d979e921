import { wholeNumber } from '../arguments.js';
import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import type { HistoryParams, ListenSourceName } from '../../rpc/methods/listens.js';
import { action, examples } from '../action.js';
import { formatNumber } from '../output.js';
import { notePage, pageRequest, withPaging, type PagingOptions, type PagingRule } from '../paging.js';
import { registerHistoryCorrections } from './history-corrections.js';

interface HistoryOptions extends PagingOptions {
  since?: string;
  until?: string;
  artist?: string;
  album?: string;
  source?: string;
  loved?: boolean;
}

const PAGING: PagingRule = { noun: 'listens', defaultSize: 50, maxSize: 1000 };

const SOURCES: readonly ListenSourceName[] = ['lastfm', 'roon', 'spotify', 'listenbrainz', 'maloja', 'vinyl', 'cd', 'cassette', 'manual'];

export function registerHistoryCommands(program: Command): void {
  const history = withPaging(program.command('history'), PAGING)
    .description('the listening journal, newest first, with filters')
    .option('--since <date>', 'from this moment: YYYY-MM-DD (local day), ISO date-time or epoch seconds')
    .option('--until <date>', 'up to this moment (a YYYY-MM-DD day is included)')
    .option('--artist <name>', 'artists whose name contains this (case, accents and "The" ignored)')
    .option('--album <title>', 'albums whose title contains this')
    .option('--source <source>', `only plays from ${SOURCES.join(' | ')}`)
    .option('--loved', 'only loved tracks')
    .addHelpText('after', examples('aime history', 'aime history --artist "daft punk" --since 2025-01-01', 'aime history --loved --page 2 --json'))
    .action(
      action(async (cli, options: HistoryOptions) => {
        const result = await cli.call('listens.history', historyParams(options));
        cli.out.data(result);
        if (result.total === 0) {
          cli.out.line('no listens match');
          return;
        }
        if (result.items.length) {
          cli.out.table(
            ['id', 'when', 'artist', 'title', 'album', 'source', '♥'],
            result.items.map((item) => [item.id, item.localTime, item.artist, item.title, item.album ?? '', item.client ? `${item.source} (${item.client})` : item.source, item.loved ? '♥' : '']),
          );
        }
        notePage(cli.out, result, 'listens');
      }),
    );

  history
    .command('dedupe')
    .description('merge listens stored twice: the same play at the same second, or a Roon play and its Last.fm scrobble (same artist and title within 10 minutes)')
    .option('--dry-run', 'only count what would be merged')
    .addHelpText('after', examples('aime history dedupe --dry-run', 'aime history dedupe'))
    .action(
      action(async (cli, options: { dryRun?: boolean }) => {
        const result = await cli.call('listens.dedupe', { dryRun: options.dryRun === true });
        cli.out.data(result);
        if (result.dryRun) cli.out.line(`${formatNumber(result.duplicates)} duplicate listens would be merged (nothing changed)`);
        else cli.out.line(`merged ${formatNumber(result.removed)} duplicate listens`);
      }),
    );

  registerHistoryCorrections(history);

  for (const [verb, loved] of [['love', true], ['unlove', false]] as const) {
    program
      .command(`${verb} <listen-id>`)
      .description(loved ? 'mark the track of a listen as loved (every listen of it)' : 'remove the loved mark from the track of a listen')
      .addHelpText('after', examples(`aime ${verb} 12345`, 'aime history --limit 5   # to find ids'))
      .action(
        action(async (cli, id: string) => {
          const listenId = wholeNumber(id, 'listen id (see aime history)');
          const result = await cli.call('listens.love', { id: listenId, loved });
          cli.out.data(result);
          cli.out.line(`${loved ? 'loved' : 'unloved'}: listen ${result.id} (${formatNumber(result.changed)} listens of that track changed)`);
        }),
      );
  }
}

function historyParams(options: HistoryOptions): HistoryParams {
  if (options.source !== undefined && !SOURCES.includes(options.source as ListenSourceName)) {
    throw new UserError(`--source must be one of ${SOURCES.join(', ')}, not "${options.source}"`);
  }
  return {
    ...pageRequest(options, PAGING),
    since: options.since,
    until: options.until,
    artist: options.artist,
    album: options.album,
    source: options.source as ListenSourceName | undefined,
    loved: options.loved ? true : undefined,
  };
}
