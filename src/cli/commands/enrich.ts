import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import type { EnrichmentProviderName } from '../../rpc/methods/collection.js';
import { action, examples } from '../action.js';
import { progressReporter } from '../progress.js';
import { wholeNumber } from '../arguments.js';

const PROVIDERS: readonly EnrichmentProviderName[] = ['musicbrainz', 'discogs', 'spotify', 'apple-music'];

export function registerEnrichCommands(program: Command): void {
  program
    .command('enrich')
    .description('find covers (Cover Art Archive, Discogs, Spotify), verified Spotify links, missing years and Apple Music links; failed lookups wait for their retry time')
    .option('--album <id>', 'only this album')
    .option('--limit <n>', 'albums to enrich among those due (default 50)')
    .option('--provider <name...>', `only these providers (${PROVIDERS.join(', ')})`)
    .option('--force', 'ask again even before the retry time, and providers that already answered')
    .addHelpText('after', examples('aime enrich --limit 20', 'aime enrich --album 42 --provider spotify --force'))
    .action(
      action(async (cli, options: { album?: string; limit?: string; provider?: string[]; force?: boolean }) => {
        const unknown = (options.provider ?? []).filter((name) => !PROVIDERS.includes(name as EnrichmentProviderName));
        if (unknown.length) throw new UserError(`unknown provider ${unknown.join(', ')} (one of ${PROVIDERS.join(', ')})`);
        const progress = await progressReporter(cli.out, 'enrich');
        const result = await cli
          .call(
            'enrich.run',
            {
              albumId: options.album === undefined ? undefined : wholeNumber(options.album, '--album'),
              limit: options.limit === undefined ? undefined : wholeNumber(options.limit, '--limit'),
              providers: options.provider as EnrichmentProviderName[] | undefined,
              force: options.force === true,
            },
            { onNotification: (method, params) => method === 'progress' && progress.update(params as Parameters<typeof progress.update>[0]) },
          )
          .finally(() => progress.finish());
        cli.out.data(result);
        if (!result.albums.length) cli.out.line('nothing to enrich: every album is done or waiting for its retry time');
        for (const album of result.albums) {
          const parts = album.results.map((r) => `${r.provider} ${r.status}${r.error ? ` (${r.error})` : ''}`);
          cli.out.line(`#${album.albumId}: ${parts.length ? parts.join(', ') : 'nothing due'}`);
        }
      }),
    );
}
