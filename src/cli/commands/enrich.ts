import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import type { EnrichmentProviderName } from '../../rpc/methods/collection.js';
import { action, examples } from '../action.js';
import type { CliRuntime } from '../runtime.js';
import { formatNumber, plural } from '../output.js';
import { progressReporter } from '../progress.js';
import { wholeNumber } from '../arguments.js';

const PROVIDERS: readonly EnrichmentProviderName[] = ['musicbrainz', 'discogs', 'spotify', 'apple-music'];

export function registerEnrichCommands(program: Command): void {
  program
    .command('enrich')
    .description('find covers (Cover Art Archive, Discogs, Spotify), verified Spotify links, missing years and Apple Music links, or (--durations) track durations; failed lookups wait for their retry time')
    .option('--album <id>', 'only this album')
    .option('--limit <n>', 'albums to enrich among those due (default 50)')
    .option('--provider <name...>', `only these providers (${PROVIDERS.join(', ')})`)
    .option('--force', 'ask again even before the retry time, and providers that already answered')
    .option('--durations', 'fill track durations now (Last.fm album tracklists, then track pages, then MusicBrainz) and wait until done')
    .addHelpText('after', examples('aime enrich --limit 20', 'aime enrich --album 42 --provider spotify --force', 'aime enrich --durations', 'aime enrich --durations --json'))
    .action(
      action(async (cli, options: { album?: string; limit?: string; provider?: string[]; force?: boolean; durations?: boolean }) => {
        if (options.durations) return fillDurations(cli, options);
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

/** `aime enrich --durations`: the durations worker's steps now, waited for, with progress. */
async function fillDurations(cli: CliRuntime, options: { album?: string; limit?: string; provider?: string[]; force?: boolean }): Promise<void> {
  const others = [options.album !== undefined && '--album', options.limit !== undefined && '--limit', options.provider && '--provider', options.force && '--force'].filter(Boolean);
  if (others.length) throw new UserError(`--durations fills every track it can; it takes no ${others.join(', ')}`);
  const progress = await progressReporter(cli.out, 'durations');
  const result = await cli
    .call('enrich.durations', {}, { onNotification: (method, params) => method === 'progress' && progress.update(params as Parameters<typeof progress.update>[0]) })
    .finally(() => progress.finish());
  cli.out.data(result);
  const { filled } = result;
  const sources = [
    filled.lastfmAlbum && `${formatNumber(filled.lastfmAlbum)} from Last.fm album tracklists`,
    filled.lastfmTrack && `${formatNumber(filled.lastfmTrack)} from Last.fm track pages`,
    filled.musicbrainz && `${formatNumber(filled.musicbrainz)} from MusicBrainz`,
  ].filter(Boolean);
  cli.out.line(`durations: ${plural(filled.total, 'track')} filled${sources.length ? ` (${sources.join(', ')})` : ''} · ${plural(result.albumsAsked, 'album')} and ${plural(result.tracksAsked, 'track')} asked · ${plural(result.requests, 'request')} · ${(result.durationMs / 1000).toFixed(1)} s`);
  if (result.failed) cli.out.line(`${plural(result.failed, 'lookup')} failed: asked again after their retry time`);
  cli.out.line(result.stillUnknown ? `${plural(result.stillUnknown, 'track')} still without a duration (${plural(result.listensWithoutDuration, 'listen')})` : 'every track has a duration');
}
