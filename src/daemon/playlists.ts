import type { AimeConfig } from '../config/config.js';
import { selectTracksForPrompt } from '../core/ai/playlist-selection.js';
import type { AiLanguage, AiWriter } from '../core/ai/ports.js';
import type { PlaylistAi } from '../core/playlists/ports.js';
import { systemClock } from '../core/ports.js';
import type { Database } from '../db/data-source.js';
import { SqlitePlaylistCandidates } from '../db/repositories/playlist-candidates.js';
import { SqlitePlaylists } from '../db/repositories/playlists.js';
import { playlistHandlers } from './handlers/playlists.js';

/** The part of the daemon's AI that playlists use (buildAi's parts fit it). */
export interface PlaylistAiSource {
  deps(): { readonly writer: AiWriter; readonly language: AiLanguage };
  /** Why the AI cannot be used now (missing key…), or undefined. */
  problem(): string | undefined;
}

/** The AI as playlists use it, or undefined while it is not configured. */
export function playlistAi(source: PlaylistAiSource): PlaylistAi | undefined {
  if (source.problem()) return undefined;
  const deps = source.deps();
  return {
    chooseTracks: async (prompt, candidates, max) => {
      const offered = candidates.map((track) => ({ id: track.trackId, artist: track.artist, title: track.title, album: track.album }));
      return (await selectTracksForPrompt(deps, { prompt, candidates: offered, max })).trackIds;
    },
  };
}

/** The playlist handlers over the daemon's database and AI. */
export function createPlaylists(options: { db: Database; values: () => AimeConfig; ai: PlaylistAiSource }) {
  return playlistHandlers({
    store: new SqlitePlaylists(options.db),
    candidates: new SqlitePlaylistCandidates(options.db),
    ai: () => playlistAi(options.ai),
    timeZone: () => options.values().timezone,
    clock: systemClock,
  });
}
