import { UnrecoverableError, UserError } from '../errors.js';
import { aiGenerated } from './ai-generated.js';
import { artistCorrelations } from './artist-correlations.js';
import { artistFlow } from './artist-flow.js';
import { completeAlbums } from './complete-albums.js';
import { localDate } from '../time/days.js';
import { rediscovery } from './rediscovery.js';
import { MAX_TRACKS, PLAYLIST_ALGORITHMS, type AlgorithmContext, type GeneratedAlgorithm, type PlaylistAlgorithm, type PlaylistBuilder, type PlaylistDetail, type PlaylistStore } from './ports.js';
import { timeBased } from './time-based.js';
import { topSessions } from './top-sessions.js';

export const BUILDERS: Record<GeneratedAlgorithm, PlaylistBuilder> = {
  top_sessions: topSessions,
  artist_correlations: artistCorrelations,
  artist_flow: artistFlow,
  time_based: timeBased,
  complete_albums: completeAlbums,
  rediscovery,
  ai_generated: aiGenerated,
};

const TITLES: Record<PlaylistAlgorithm, string> = {
  top_sessions: 'Top sessions',
  artist_correlations: 'Artists heard together',
  artist_flow: 'Artist flow',
  time_based: 'Peak hour',
  complete_albums: 'Complete albums',
  rediscovery: 'Rediscovery',
  ai_generated: 'AI playlist',
  manual: 'Manual playlist',
};

export interface GenerateRequest {
  readonly algorithm: string;
  readonly max?: number;
  readonly prompt?: string;
  readonly name?: string;
  readonly seed?: number;
}

export interface GenerateDeps extends Omit<AlgorithmContext, 'max' | 'seed' | 'prompt'> {
  readonly store: PlaylistStore;
}

/**
 * Builds a playlist with the chosen algorithm and stores it. `manual` makes an empty
 * playlist to fill with `aime playlist add`. An algorithm that finds nothing stores
 * nothing and says why.
 */
export async function generatePlaylist(request: GenerateRequest, deps: GenerateDeps): Promise<PlaylistDetail> {
  const algorithm = request.algorithm as PlaylistAlgorithm;
  if (!PLAYLIST_ALGORITHMS.includes(algorithm)) {
    throw new UserError(`unknown algorithm "${request.algorithm}" (one of ${PLAYLIST_ALGORITHMS.join(', ')})`);
  }
  const max = request.max ?? MAX_TRACKS.default;
  if (!Number.isInteger(max) || max < MAX_TRACKS.min || max > MAX_TRACKS.max) {
    throw new UserError(`--max must be a whole number from ${MAX_TRACKS.min} to ${MAX_TRACKS.max}`);
  }
  const prompt = request.prompt?.trim() || undefined;
  if (prompt && algorithm !== 'ai_generated') throw new UserError(`--prompt is for ai_generated only; ${algorithm} builds from your listening`);
  const trackIds = algorithm === 'manual' ? [] : await BUILDERS[algorithm]({ ...deps, max, seed: request.seed, prompt });
  if (algorithm !== 'manual' && trackIds.length === 0) {
    throw new UserError(`${algorithm} found no tracks: the listening history has nothing it can use yet`);
  }
  const name = request.name?.trim() || `${TITLES[algorithm]} ${localDate(deps.timeZone, deps.now)}`;
  const id = await deps.store.create(
    { name, algorithm, aiPrompt: prompt ?? null, seed: request.seed ?? null, params: { max } },
    trackIds,
  );
  const created = await deps.store.get(id);
  if (!created) throw new UnrecoverableError(`playlist ${id} vanished right after it was stored`);
  return created;
}
