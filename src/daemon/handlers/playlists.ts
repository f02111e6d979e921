import { NotFoundError } from '../../core/errors.js';
import { EXPORT_FORMATS, renderPlaylist } from '../../core/playlists/export.js';
import { generatePlaylist } from '../../core/playlists/generate.js';
import { resolveTrackReferences } from '../../core/playlists/manual.js';
import { playlistPage } from '../../core/playlists/page.js';
import { MAX_TRACKS, type PlaylistAi, type PlaylistCandidates, type PlaylistDetail, type PlaylistStore, type PlaylistSummary } from '../../core/playlists/ports.js';
import type { Clock } from '../../core/ports.js';
import type { PlaylistDto, PlaylistSummaryDto } from '../../rpc/methods/playlists.js';
import { asParams, invalid, optionalInt, optionalString, optionalStringList, requiredString, type Params } from './params.js';
import { handlerTable } from './typed.js';

export interface PlaylistHandlerDeps {
  readonly store: PlaylistStore;
  readonly candidates: PlaylistCandidates;
  /** The AI that picks tracks for a prompt; undefined while none is configured. */
  readonly ai: () => PlaylistAi | undefined;
  readonly timeZone: () => string;
  readonly clock: Clock;
}

export function playlistHandlers(deps: PlaylistHandlerDeps) {
  const existing = async (params: Params): Promise<PlaylistDetail> => {
    const id = playlistId(params);
    const playlist = await deps.store.get(id);
    if (!playlist) throw new NotFoundError(`no playlist ${id} (aime playlist list shows them)`);
    return playlist;
  };

  return handlerTable<'playlist.generate' | 'playlist.list' | 'playlist.show' | 'playlist.remove' | 'playlist.add' | 'playlist.export'>({
    'playlist.generate': async (raw) => {
      const params = asParams(raw);
      const playlist = await generatePlaylist(
        {
          algorithm: requiredString(params, 'algorithm'),
          max: optionalInt(params, 'max', { min: MAX_TRACKS.min, max: MAX_TRACKS.max }),
          prompt: optionalString(params, 'prompt'),
          name: optionalString(params, 'name'),
          seed: optionalInt(params, 'seed', { min: 0, max: 0xffffffff }),
        },
        {
          store: deps.store,
          candidates: deps.candidates,
          ai: deps.ai(),
          now: Math.floor(deps.clock.now() / 1000),
          timeZone: deps.timeZone(),
        },
      );
      return playlistDto(playlist);
    },
    'playlist.list': async (raw) => {
      const params = asParams(raw);
      const request = { page: optionalInt(params, 'page', { min: 1, max: 1_000_000_000 }) ?? 1, pageSize: optionalInt(params, 'pageSize', { min: 1, max: 500 }) ?? 50 };
      const page = await playlistPage(deps.store, request);
      return { ...page, items: page.items.map(summaryDto) };
    },
    'playlist.show': async (raw) => playlistDto(await existing(asParams(raw))),
    'playlist.remove': async (raw) => {
      const id = playlistId(asParams(raw));
      if (!(await deps.store.remove(id))) throw new NotFoundError(`no playlist ${id} (aime playlist list shows them)`);
      return { id, removed: true };
    },
    'playlist.add': async (raw) => {
      const params = asParams(raw);
      const playlist = await existing(params);
      const references = optionalStringList(params, 'tracks');
      if (!references || references.length === 0) throw invalid('tracks', 'a non-empty list of track ids or "Artist - Title"');
      const trackIds = await resolveTrackReferences(deps.store, references);
      const added = await deps.store.append(playlist.id, trackIds);
      const updated = await existing(params);
      return { playlist: playlistDto(updated), added: added.length, skipped: trackIds.length - added.length };
    },
    'playlist.export': async (raw) => {
      const params = asParams(raw);
      const format = requiredString(params, 'format');
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw invalid('format', `one of ${EXPORT_FORMATS.join(', ')}`);
      const playlist = await existing(params);
      const chosen = format as (typeof EXPORT_FORMATS)[number];
      return { format: chosen, content: renderPlaylist(playlist, chosen) };
    },
  });
}

function playlistId(params: Params): number {
  const id = optionalInt(params, 'id', { min: 1 });
  if (id === undefined) throw invalid('id', 'a playlist id');
  return id;
}

function summaryDto(playlist: PlaylistSummary): PlaylistSummaryDto {
  return {
    id: playlist.id,
    name: playlist.name,
    algorithm: playlist.algorithm,
    prompt: playlist.aiPrompt,
    seed: playlist.seed,
    trackCount: playlist.trackCount,
    createdAt: new Date(playlist.createdAt * 1000).toISOString(),
  };
}

function playlistDto(playlist: PlaylistDetail): PlaylistDto {
  const durations = playlist.tracks.map((track) => track.durationSeconds);
  const known = durations.every((seconds) => seconds !== null);
  return {
    ...summaryDto(playlist),
    trackCount: playlist.tracks.length,
    tracks: playlist.tracks.map((track) => ({
      position: track.position,
      trackId: track.trackId,
      title: track.title,
      artist: track.artist,
      album: track.album,
      durationSeconds: track.durationSeconds,
    })),
    totalDurationSeconds: known ? durations.reduce<number>((sum, seconds) => sum + (seconds ?? 0), 0) : null,
  };
}
