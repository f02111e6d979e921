import type { AlgorithmContext } from './ports.js';
import { TrackList, rankWithTies } from './selection.js';

/** Not heard for this long means forgotten (the original's 30 days). */
const FORGOTTEN_AFTER_SECONDS = 30 * 86_400;
const CANDIDATE_POOL = 500;

/**
 * rediscovery: favourites not heard for 30 days — loved tracks first, then the most
 * played ones — so the list is useful even when nothing is loved yet.
 */
export async function rediscovery(context: AlgorithmContext): Promise<number[]> {
  const tracks = await context.candidates.forgottenTracks(context.now - FORGOTTEN_AFTER_SECONDS, CANDIDATE_POOL);
  const list = new TrackList(context.max);
  // Loved outranks any play count; within each group the most played come first.
  for (const track of rankWithTies(tracks, (t) => (t.loved ? 1e12 : 0) + t.plays, context.seed)) list.add(track.trackId);
  return list.ids();
}
