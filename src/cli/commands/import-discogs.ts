import type { Command } from 'commander';
import { action, examples } from '../action.js';
import { progressReporter } from '../progress.js';
import { formatNumber } from '../output.js';

export function registerImportDiscogs(parent: Command): void {
  parent
    .command('discogs')
    .description('import the Discogs collection (folder "All"): new copies since the last import, or everything with --full; an interrupted import resumes')
    .option('--full', 're-read the whole collection and drop copies no longer in it')
    .addHelpText('after', examples('aime import discogs', 'aime import discogs --full --json'))
    .action(
      action(async (cli, options: { full?: boolean }) => {
        const progress = await progressReporter(cli.out, 'discogs');
        try {
          const summary = await cli.call('import.discogs', { full: options.full === true }, { onNotification: (method, params) => method === 'progress' && progress.update(params as Parameters<typeof progress.update>[0]) });
          await progress.finish();
          cli.out.data(summary);
          const removed = summary.removed ? `, removed ${formatNumber(summary.removed)}` : '';
          cli.out.line(`imported ${formatNumber(summary.imported)}, skipped ${formatNumber(summary.skipped)}, failed ${formatNumber(summary.failed)}${removed} in ${(summary.durationMs / 1000).toFixed(1)} s${summary.resumed ? ' (resumed)' : ''}`);
        } catch (error) {
          await progress.finish();
          throw error;
        }
      }),
    );
}
