import { SESSION_GAP_SECONDS, type AlgorithmContext } from './ports.js';
import { TrackList, habitWindowStart, rankWithTies } from './selection.js';

/** Pairs read from the database, so a seed can reorder ties beyond the first ten. */
const PAIR_POOL = 50;
const PAIRS_USED = 10;

/**
 * artist_correlations: the artists most often heard in the same session over the last
 * year (a pair counts once per session), the ten strongest pairs in turn; each pair brings its two artists'
 * most played tracks alternately, two at a time, round after round until the list is full.
 */
export async function artistCorrelations(context: AlgorithmContext): Promise<number[]> {
  const since = await habitWindowStart(context.candidates);
  if (since === undefined) return [];
  const pairs = rankWithTies(await context.candidates.artistPairs(since, SESSION_GAP_SECONDS, PAIR_POOL), (p) => p.sessions, context.seed).slice(0, PAIRS_USED);
  const topTracks = new Map<number, number[]>();
  const tracksOf = async (artistId: number): Promise<number[]> => {
    let tracks = topTracks.get(artistId);
    if (!tracks) {
      const ranked = rankWithTies(await context.candidates.topTracksOfArtist(artistId, context.max), (t) => t.plays, context.seed);
      tracks = ranked.map((t) => t.trackId);
      topTracks.set(artistId, tracks);
    }
    return tracks;
  };
  const queues: number[][] = [];
  for (const pair of pairs) queues.push(interleave(await tracksOf(pair.first), await tracksOf(pair.second)));

  const list = new TrackList(context.max);
  // Every round consumes at least one queued track per non-empty queue, so it ends.
  while (!list.full && queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      let taken = 0;
      while (taken < 2 && queue.length > 0) if (list.add(queue.shift() as number)) taken++;
    }
  }
  return list.ids();
}

function interleave(first: readonly number[], second: readonly number[]): number[] {
  const mixed: number[] = [];
  for (let i = 0; i < Math.max(first.length, second.length); i++) {
    if (i < first.length) mixed.push(first[i] as number);
    if (i < second.length) mixed.push(second[i] as number);
  }
  return mixed;
}
