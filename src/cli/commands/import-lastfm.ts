import { wholeNumber } from '../arguments.js';
import type { Command } from 'commander';
import type { RpcNotifications } from '../../rpc/contract.js';
import { action, examples } from '../action.js';
import { formatNumber } from '../output.js';
import { progressReporter } from '../progress.js';

export function registerLastfmImport(parent: Command): void {
  parent
    .command('lastfm')
    .description('import the Last.fm scrobble history (200 per page); an interrupted import resumes, re-running adds nothing, loved tracks are marked')
    .option('--from <date>', 'oldest scrobble to import: YYYY-MM-DD (local day), ISO date-time or epoch seconds')
    .option('--to <date>', 'newest scrobble to import (that day included); default: now')
    .option('--limit <n>', 'import at most n scrobbles, newest first')
    .addHelpText('after', examples('aime import lastfm', 'aime import lastfm --from 2024-01-01 --to 2024-12-31', 'aime import lastfm --limit 1000 --json'))
    .action(
      action(async (cli, options: { from?: string; to?: string; limit?: string }) => {
        const limit = options.limit === undefined ? undefined : wholeNumber(options.limit, '--limit');
        const progress = await progressReporter(cli.out, 'Last.fm import');
        try {
          const summary = await cli.call('listens.importLastfm', { from: options.from, to: options.to, limit }, {
            onNotification: (method, params) => {
              if (method === 'progress') progress.update(params as RpcNotifications['progress']);
            },
          });
          await progress.finish();
          cli.out.data(summary);
          const resumed = summary.startPage > 1 ? ` (resumed at page ${summary.startPage})` : '';
          cli.out.line(
            `imported ${formatNumber(summary.imported)}, skipped ${formatNumber(summary.skipped)}, failed ${formatNumber(summary.failed)}` +
              ` in ${(summary.durationMs / 1000).toFixed(1)} s${resumed}; ${formatNumber(summary.loved)} listens newly marked loved`,
          );
        } catch (error) {
          await progress.finish();
          throw error;
        }
      }),
    );
}
