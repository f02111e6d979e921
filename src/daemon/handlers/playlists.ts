import { NotFoundError } from '../../core/errors.js';
import { EXPORT_FORMATS, renderPlaylist } from '../../core/playlists/export.js';
import { generatePlaylist } from '../../core/playlists/generate.js';
import { resolveTrackReferences } from '../../core/playlists/manual.js';
import { playlistPage } from '../../core/playlists/page.js';
import { MAX_TRACKS, type PlaylistAi, type PlaylistCandidates, type PlaylistDetail, type PlaylistStore, type PlaylistSummary } from '../../core/playlists/ports.js';
import type { Clock } from '../../core/ports.js';
import type { PlaylistDto, PlaylistSummaryDto } from '../../rpc/methods/playlists.js';
import { filledList, filledText, int, oneOf, optional, text } from './params.js';
import { handlerTable } from './typed.js';

export interface PlaylistHandlerDeps {
  readonly store: PlaylistStore;
  readonly candidates: PlaylistCandidates;
  /** The AI that picks tracks for a prompt; undefined while none is configured. */
  readonly ai: () => PlaylistAi | undefined;
  readonly timeZone: () => string;
  readonly clock: Clock;
}

const PLAYLIST_ID = int({ min: 1 });

export function playlistHandlers(deps: PlaylistHandlerDeps) {
  const existing = async (id: number): Promise<PlaylistDetail> => {
    const playlist = await deps.store.get(id);
    if (!playlist) throw new NotFoundError(`no playlist ${id} (aime playlist list shows them)`);
    return playlist;
  };

  return handlerTable<'playlist.generate' | 'playlist.list' | 'playlist.show' | 'playlist.remove' | 'playlist.add' | 'playlist.export'>({
    'playlist.generate': {
      params: {
        algorithm: filledText(),
        max: optional(int({ min: MAX_TRACKS.min, max: MAX_TRACKS.max })),
        prompt: optional(text()),
        name: optional(text()),
        seed: optional(int({ min: 0, max: 0xffffffff })),
      },
      run: async (params) => {
        const playlist = await generatePlaylist(params, {
          store: deps.store,
          candidates: deps.candidates,
          ai: deps.ai(),
          now: Math.floor(deps.clock.now() / 1000),
          timeZone: deps.timeZone(),
        });
        return playlistDto(playlist);
      },
    },
    'playlist.list': {
      params: { page: optional(int({ min: 1, max: 1_000_000_000 })), pageSize: optional(int({ min: 1, max: 500 })) },
      run: async (params) => {
        const page = await playlistPage(deps.store, { page: params.page ?? 1, pageSize: params.pageSize ?? 50 });
        return { ...page, items: page.items.map(summaryDto) };
      },
    },
    'playlist.show': { params: { id: PLAYLIST_ID }, run: async ({ id }) => playlistDto(await existing(id)) },
    'playlist.remove': {
      params: { id: PLAYLIST_ID },
      run: async ({ id }) => {
        if (!(await deps.store.remove(id))) throw new NotFoundError(`no playlist ${id} (aime playlist list shows them)`);
        return { id, removed: true };
      },
    },
    'playlist.add': {
      params: { id: PLAYLIST_ID, tracks: filledList(text(), 'a non-empty list of track ids or "Artist - Title"') },
      run: async ({ id, tracks }) => {
        const playlist = await existing(id);
        const trackIds = await resolveTrackReferences(deps.store, tracks);
        const added = await deps.store.append(playlist.id, trackIds);
        const updated = await existing(id);
        return { playlist: playlistDto(updated), added: added.length, skipped: trackIds.length - added.length };
      },
    },
    'playlist.export': {
      params: { id: PLAYLIST_ID, format: oneOf(EXPORT_FORMATS) },
      run: async ({ id, format }) => ({ format, content: renderPlaylist(await existing(id), format) }),
    },
  });
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
