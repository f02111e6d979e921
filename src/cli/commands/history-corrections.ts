import type { Command } from 'commander';
import type { CorrectedListenDto } from '../../rpc/methods/corrections.js';
import { action, examples } from '../action.js';
import { wholeNumber } from '../arguments.js';
import { formatNumber } from '../output.js';

interface EditOptions {
  artist?: string;
  title?: string;
  album?: string;
  time?: string;
}

/** `aime history rm|edit`: corrections that a re-import from any source respects. */
export function registerHistoryCorrections(history: Command): void {
  history
    .command('rm <listen-id...>')
    .description('delete listens for good: a re-import (Last.fm, a file) or the tracker will not bring them back; all or nothing')
    .addHelpText('after', examples('aime history rm 12345', 'aime history rm 12345 12346 --json', 'aime history --limit 5   # to find ids'))
    .action(
      action(async (cli, ids: string[]) => {
        const listenIds = ids.map((id) => wholeNumber(id, 'listen id (see aime history)'));
        const result = await cli.call('listens.remove', { ids: listenIds });
        cli.out.data(result);
        cli.out.table(['id', 'when', 'artist', 'title', 'album', 'source'], result.removed.map((listen) => row(listen)));
        cli.out.line(`deleted ${formatNumber(result.count)} ${result.count === 1 ? 'listen' : 'listens'}; a re-import will not bring ${result.count === 1 ? 'it' : 'them'} back`);
      }),
    );

  const edit = history
    .command('edit <listen-id>')
    .description('correct a listen (artist, title, album, time); the play sent again by any source stays corrected, not doubled')
    .option('--artist <name>', 'the right artist')
    .option('--title <title>', 'the right title')
    .option('--album <title>', 'the right album ("" for none)')
    .option('--time <when>', 'the right start: "YYYY-MM-DD HH:MM" (configured time zone), ISO date-time or epoch seconds')
    .addHelpText('after', examples('aime history edit 12345 --title "Harvest Moon"', 'aime history edit 12345 --artist "Neil Young" --album Harvest', 'aime history edit 12345 --time "2026-01-05 21:30" --json'))
    .action(
      action(async (cli, id: string) => {
        // `history` has --artist and --album filters of its own, which commander gives to it:
        // the edit's values are read with the parent's.
        const options = edit.optsWithGlobals<EditOptions>();
        const listenId = wholeNumber(id, 'listen id (see aime history)');
        const result = await cli.call('listens.edit', { id: listenId, artist: options.artist, title: options.title, album: options.album, time: options.time });
        cli.out.data(result);
        cli.out.table(['', 'when', 'artist', 'title', 'album'], [
          ['before', ...row(result.before).slice(1, 5)],
          ['after', ...row(result.after).slice(1, 5)],
        ]);
        cli.out.line(`listen ${result.id} corrected; a re-import will keep it so`);
      }),
    );
}

function row(listen: CorrectedListenDto): (string | number)[] {
  return [listen.id, listen.localTime, listen.artist, listen.title, listen.album ?? '', listen.source];
}
