import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { EXPORT_FORMATS } from '../../core/playlists/export.js';
import { MAX_TRACKS, PLAYLIST_ALGORITHMS } from '../../core/playlists/ports.js';
import type { PlaylistExportFormat } from '../../rpc/methods/playlists.js';
import { action, examples } from '../action.js';
import { wholeNumber } from '../arguments.js';
import { notePage, pageRequest, withPaging, type PagingOptions, type PagingRule } from '../paging.js';
import { printPlaylist, printPlaylists } from './playlist-view.js';

const ALGORITHMS: readonly string[] = PLAYLIST_ALGORITHMS;
const FORMATS: readonly PlaylistExportFormat[] = EXPORT_FORMATS;
const PAGING: PagingRule = { noun: 'playlists', defaultSize: 50, maxSize: 500 };
const ZONE_HELP = 'zone name or id (default: config roon.defaultZone, else the playing zone)';

export function registerPlaylistCommands(program: Command): void {
  const playlist = program
    .command('playlist')
    .description('playlists from your listening habits, an AI prompt, or by hand; export and play them')
    .addHelpText('after', examples('aime playlist generate top_sessions --max 30', 'aime playlist export 3 --format m3u --out sunday.m3u', 'aime playlist play 3 --zone Kitchen'));

  playlist
    .command('generate <algorithm>')
    .description(`build and save a playlist: ${ALGORITHMS.join(', ')}`)
    .option('--max <n>', `most tracks (${MAX_TRACKS.min}–${MAX_TRACKS.max})`, String(MAX_TRACKS.default))
    .option('--prompt <text>', 'what the AI playlist should be (ai_generated)')
    .option('--name <name>', 'playlist name (default: the algorithm and the date)')
    .option('--seed <n>', 'reorders equal-ranked tracks reproducibly (same seed, same playlist)')
    .addHelpText(
      'after',
      examples(
        'aime playlist generate top_sessions',
        'aime playlist generate artist_flow --max 40 --seed 7',
        'aime playlist generate ai_generated --prompt "rainy Sunday jazz" --name "Sunday"',
        'aime playlist generate manual --name "Road trip"   # empty, fill it with: aime playlist add',
      ),
    )
    .action(
      action(async (cli, algorithm: string, options: { max: string; prompt?: string; name?: string; seed?: string }) => {
        if (!ALGORITHMS.includes(algorithm)) throw new UserError(`unknown algorithm "${algorithm}" (one of ${ALGORITHMS.join(', ')})`);
        const max = wholeNumber(options.max, '--max');
        if (max < MAX_TRACKS.min || max > MAX_TRACKS.max) throw new UserError(`--max must be from ${MAX_TRACKS.min} to ${MAX_TRACKS.max} (got ${max})`);
        const seed = options.seed === undefined ? undefined : seedNumber(options.seed);
        const result = await cli.call('playlist.generate', { algorithm, max, prompt: options.prompt, name: options.name, seed });
        cli.out.data(result);
        printPlaylist(cli.out, result);
      }),
    );

  withPaging(playlist.command('list'), PAGING)
    .description('every saved playlist, newest first')
    .addHelpText('after', examples('aime playlist list', 'aime playlist list --limit 10 --page 2', 'aime playlist list --json | jq ".items[].name"'))
    .action(
      action(async (cli, options: PagingOptions) => {
        const result = await cli.call('playlist.list', pageRequest(options, PAGING));
        cli.out.data(result);
        printPlaylists(cli.out, result.items, result.total);
        if (result.total > 0) notePage(cli.out, result, 'playlists');
      }),
    );

  playlist
    .command('show <id>')
    .description('a playlist with its tracks in order')
    .addHelpText('after', examples('aime playlist show 3', 'aime playlist show 3 --json'))
    .action(
      action(async (cli, id: string) => {
        const result = await cli.call('playlist.show', { id: wholeNumber(id, 'playlist id') });
        cli.out.data(result);
        printPlaylist(cli.out, result);
      }),
    );

  playlist
    .command('rm <id>')
    .description('delete a playlist (the tracks and listens stay)')
    .addHelpText('after', examples('aime playlist rm 3'))
    .action(
      action(async (cli, id: string) => {
        const result = await cli.call('playlist.remove', { id: wholeNumber(id, 'playlist id') });
        cli.out.data(result);
        cli.out.line(`playlist ${result.id} deleted`);
      }),
    );

  playlist
    .command('add <id> <track...>')
    .description('append tracks, each a track id or "Artist - Title" (already there: skipped)')
    .addHelpText('after', examples('aime playlist add 3 "Björk - Jóga" "The Beatles - Something"', 'aime playlist add 3 1207 88'))
    .action(
      action(async (cli, id: string, tracks: string[]) => {
        const result = await cli.call('playlist.add', { id: wholeNumber(id, 'playlist id'), tracks });
        cli.out.data(result);
        cli.out.line(`added ${result.added} track${result.added === 1 ? '' : 's'}${result.skipped ? `, ${result.skipped} already there` : ''}`);
        printPlaylist(cli.out, result.playlist);
      }),
    );

  playlist
    .command('export <id>')
    .description('write a playlist as M3U, JSON, CSV or text (stdout unless --out)')
    .addOption(new Option('--format <format>', 'file format').choices(FORMATS).makeOptionMandatory())
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .addHelpText('after', examples('aime playlist export 3 --format m3u --out sunday.m3u', 'aime playlist export 3 --format csv > sunday.csv'))
    .action(
      action(async (cli, id: string, options: { format: PlaylistExportFormat; out?: string }) => {
        const result = await cli.call('playlist.export', { id: wholeNumber(id, 'playlist id'), format: options.format });
        if (options.out) {
          const file = resolve(options.out);
          const { writeUserFile } = await import('../files.js');
          writeUserFile(file, result.content);
          cli.out.data({ format: result.format, file, bytes: Buffer.byteLength(result.content) });
          cli.out.note(`written: ${file}`);
        } else if (cli.out.json) {
          cli.out.data(result);
        } else {
          process.stdout.write(result.content);
        }
      }),
    );

  playlist
    .command('play <id>')
    .description('queue the whole playlist on a Roon zone (first track plays now), saying which tracks Roon lacks')
    .option('--zone <zone>', ZONE_HELP)
    .addHelpText('after', examples('aime playlist play 3', 'aime playlist play 3 --zone "Living Room"'))
    .action(
      action(async (cli, id: string, options: { zone?: string }) => {
        const shown = await cli.call('playlist.show', { id: wholeNumber(id, 'playlist id') });
        if (shown.tracks.length === 0) throw new UserError(`playlist ${shown.id} is empty (aime playlist add ${shown.id} "Artist - Title")`);
        const tracks = shown.tracks.map((track) => ({ artist: track.artist, title: track.title, album: track.album }));
        const result = await cli.call('roon.playTracks', { zone: options.zone, tracks });
        cli.out.data({ playlistId: shown.id, ...result });
        cli.out.line(`queued ${result.queued.length} of ${tracks.length} tracks of "${shown.name}" on ${result.zone}`);
        for (const missing of result.notFound) cli.out.line(cli.out.paint.yellow(`  not found in Roon: ${missing.artist} - ${missing.title}`));
      }),
    );
}

function seedNumber(text: string): number {
  return wholeNumber(text, '--seed', { min: 0, max: 0xffffffff });
}
