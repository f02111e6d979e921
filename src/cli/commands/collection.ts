import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import type { AlbumDetailResult, CollectionListResult } from '../../rpc/methods/collection.js';
import { action, examples } from '../action.js';
import type { CliRuntime } from '../runtime.js';
import { notePage } from '../paging.js';
import { wholeNumber } from '../arguments.js';
import { listParams, support, withListOptions, type ListOptions } from './collection-options.js';

export function registerCollectionCommands(program: Command): void {
  const collection = program
    .command('collection')
    .description('the record collection: owned copies (Discogs or typed in) and the albums you listen to')
    .addHelpText('after', examples('aime collection list --support vinyl', 'aime collection show 42'));

  withListOptions(collection.command('list'), 'owned')
    .description('albums, filtered and paged')
    .addHelpText('after', examples('aime collection list --support vinyl --year 1970-1979', 'aime collection list --scope listened --sort plays --desc', 'aime collection list --json'))
    .action(action(async (cli, options: ListOptions) => printPage(cli, await cli.call('collection.list', listParams(options)))));

  withListOptions(collection.command('search <words...>'), 'all')
    .description('albums whose title or artist holds these words')
    .addHelpText('after', examples('aime collection search kind of blue', 'aime collection search nirvana --support cd'))
    .action(action(async (cli, words: string[], options: ListOptions) => printPage(cli, await cli.call('collection.list', { ...listParams(options), text: words.join(' ') }))));

  collection
    .command('show <id>')
    .description('everything known about an album: covers, links, AI texts, copies, plays')
    .addHelpText('after', examples('aime collection show 42', 'aime collection show 42 --json'))
    .action(action(async (cli, id: string) => printAlbum(cli, await cli.call('collection.show', { id: wholeNumber(id, 'id') }))));

  collection
    .command('add <artist> <title>')
    .description('add a copy of an album typed in by hand (the album is created unless it is known)')
    .option('--year <year>', 'release year')
    .option('--support <support>', 'vinyl, cd, cassette, digital or other')
    .option('--genre <genre...>', 'genres')
    .option('--soundtrack', 'it is a soundtrack')
    .option('--discogs-id <id>', 'Discogs release id')
    .option('--spotify-url <url>', 'Spotify album link')
    .option('--notes <text>', 'notes on this copy')
    .addHelpText('after', examples('aime collection add "Miles Davis" "Kind of Blue" --year 1959 --support vinyl'))
    .action(
      action(async (cli, artist: string, title: string, options: { year?: string; support?: string; genre?: string[]; soundtrack?: boolean; discogsId?: string; spotifyUrl?: string; notes?: string }) => {
        const added = await cli.call('collection.add', {
          artist,
          title,
          ...(options.year ? { year: wholeNumber(options.year, '--year') } : {}),
          ...(options.support ? { support: support(options.support) } : {}),
          ...(options.genre ? { genres: options.genre } : {}),
          ...(options.soundtrack ? { soundtrack: true } : {}),
          ...(options.discogsId ? { discogsId: wholeNumber(options.discogsId, '--discogs-id') } : {}),
          ...(options.spotifyUrl ? { spotifyUrl: options.spotifyUrl } : {}),
          ...(options.notes ? { notes: options.notes } : {}),
        });
        cli.out.data(added);
        cli.out.line(`${added.created ? 'added album' : 'added a copy of album'} #${added.id} (copy #${added.copyId})`);
      }),
    );

  collection
    .command('edit <id>')
    .description('correct an album: title, artist, year, support, genres, soundtrack, Spotify link')
    .option('--title <title>', 'new title')
    .option('--artist <name>', 'new album artist')
    .option('--year <year>', 'release year, or "none" to clear it')
    .option('--support <support>', 'vinyl, cd, cassette, digital or other')
    .option('--genre <genre...>', 'replace the genres')
    .option('--soundtrack', 'mark as a soundtrack')
    .option('--no-soundtrack', 'not a soundtrack')
    .option('--spotify-url <url>', 'Spotify album link, or "none" to clear it')
    .addHelpText('after', examples('aime collection edit 42 --year 1959', 'aime collection edit 42 --spotify-url none'))
    .action(
      action(async (cli, id: string, options: { title?: string; artist?: string; year?: string; support?: string; genre?: string[]; soundtrack?: boolean; spotifyUrl?: string }) => {
        const changes = {
          id: wholeNumber(id, 'id'),
          ...(options.title ? { title: options.title } : {}),
          ...(options.artist ? { artist: options.artist } : {}),
          ...(options.year ? { year: options.year === 'none' ? null : wholeNumber(options.year, '--year') } : {}),
          ...(options.support ? { support: support(options.support) } : {}),
          ...(options.genre ? { genres: options.genre } : {}),
          ...(options.soundtrack === undefined ? {} : { soundtrack: options.soundtrack }),
          ...(options.spotifyUrl ? { spotifyUrl: options.spotifyUrl === 'none' ? null : options.spotifyUrl } : {}),
        };
        if (Object.keys(changes).length === 1) throw new UserError('nothing to change: give at least one option (see aime collection edit --help)');
        printAlbum(cli, await cli.call('collection.edit', changes));
      }),
    );

  collection
    .command('rm <id>')
    .description('remove an album from the collection (all its copies, or one with --copy); its listens stay')
    .option('--copy <copyId>', 'only this copy (ids in aime collection show)')
    .addHelpText('after', examples('aime collection rm 42', 'aime collection rm 42 --copy 7'))
    .action(
      action(async (cli, id: string, options: { copy?: string }) => {
        const result = await cli.call('collection.remove', { id: wholeNumber(id, 'id'), ...(options.copy ? { copyId: wholeNumber(options.copy, '--copy') } : {}) });
        cli.out.data(result);
        cli.out.line(`removed ${result.removed} cop${result.removed === 1 ? 'y' : 'ies'} of album #${result.id}`);
      }),
    );
}

function printPage(cli: CliRuntime, page: CollectionListResult): void {
  cli.out.data(page);
  if (page.total === 0) {
    cli.out.line('no albums match');
    return;
  }
  if (page.items.length) {
    cli.out.table(
      ['id', 'artist', 'title', 'year', 'support', 'copies', 'plays'],
      page.items.map((album) => [album.id, album.artists.join(', '), album.isSoundtrack ? `${album.title} ♪` : album.title, album.year, album.support, album.copies, album.plays]),
    );
  }
  notePage(cli.out, page, 'albums');
}

function printAlbum(cli: CliRuntime, album: AlbumDetailResult): void {
  cli.out.data(album);
  const { paint } = cli.out;
  const date = (epoch: number | null) => (epoch ? new Date(epoch * 1000).toISOString().slice(0, 10) : '—');
  cli.out.line(paint.bold(`#${album.id}  ${album.artists.join(', ')} — ${album.title}${album.year ? ` (${album.year})` : ''}`));
  const facts: [string, string | null][] = [
    ['support', album.support],
    ['genres', [...album.genres, ...album.styles].join(', ') || null],
    ['labels', album.labels.join(', ') || null],
    ['soundtrack', album.isSoundtrack ? `yes${album.film.title ? ` — ${album.film.title}` : ''}` : null],
    ['plays', `${album.plays}${album.lastPlayed ? `, last ${date(album.lastPlayed)}` : ''}`],
    ['discogs', album.links.discogs],
    ['spotify', album.links.spotify],
    ['apple music', album.links.appleMusic],
    ['musicbrainz', album.links.musicbrainz],
  ];
  for (const cover of album.covers) facts.push([`cover (${cover.source})`, cover.url]);
  const attempts = album.enrichment.map((a) => `${a.provider} ${a.status}${a.nextRetryAt ? ` (again after ${date(a.nextRetryAt)})` : ''}`);
  facts.push(['enrichment', attempts.join(', ') || null]);
  for (const [label, value] of facts) if (value) cli.out.line(`  ${paint.dim(label.padEnd(18))}${value}`);
  if (album.ownedCopies.length) {
    cli.out.line(paint.bold(`copies (${album.ownedCopies.length})`));
    for (const copy of album.ownedCopies) {
      const where = copy.instanceId ? `discogs instance ${copy.instanceId}` : copy.source;
      cli.out.line(`  #${copy.id}  ${copy.support ?? '—'}  added ${date(copy.dateAdded)}  ${where}${copy.rating ? `  ★${copy.rating}` : ''}${copy.notes ? `  ${copy.notes}` : ''}`);
    }
  }
  if (album.ai.summary) cli.out.line(`\n${album.ai.summary}`);
  if (album.ai.description) cli.out.line(`\n${album.ai.description}${album.ai.model ? paint.dim(` (${album.ai.model})`) : ''}`);
}
