import { selectTracksForPrompt } from '../../core/ai/playlist-selection.js';
import type { AiLanguage, AiWriter } from '../../core/ai/ports.js';
import type { PlaylistAi } from '../../core/playlists/ports.js';
import { SqlitePlaylistCandidates } from '../../db/repositories/playlist-candidates.js';
import { SqlitePlaylists } from '../../db/repositories/playlists.js';
import { playlistHandlers } from '../handlers/playlists.js';
import type { Feature, FeatureContext } from './feature.js';

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

/** `playlist.*`: generated and manual playlists; prompts go through the daemon's one AI client (one circuit breaker). */
export function playlistsFeature(ctx: FeatureContext, needs: { ai: PlaylistAiSource }): Feature {
  return {
    handlers: playlistHandlers({
      store: new SqlitePlaylists(ctx.db),
      candidates: new SqlitePlaylistCandidates(ctx.db),
      ai: () => playlistAi(needs.ai),
      timeZone: () => ctx.values().timezone,
      clock: ctx.clock,
    }),
  };
}
