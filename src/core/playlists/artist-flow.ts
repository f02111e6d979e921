import { SESSION_GAP_SECONDS, type AlgorithmContext, type ArtistTransition } from './ports.js';
import { TrackList, habitWindowStart, rankWithTies } from './selection.js';

/** Tracks looked at per artist: enough to find one not yet in the playlist. */
const TRACKS_PER_ARTIST = 5;

/**
 * artist_flow: follows the user's habits of the last year from one artist to the next.
 * It starts with the artist most often left for another, takes that artist's most played
 * track not yet in the list, then moves to the artist most often played right after it
 * in the same session, never visiting an artist twice. When an artist has no unvisited
 * successor the flow resumes at the strongest unvisited artist. Every step visits a new
 * artist, so it always ends.
 */
export async function artistFlow(context: AlgorithmContext): Promise<number[]> {
  const since = await habitWindowStart(context.candidates);
  if (since === undefined) return [];
  const transitions = await context.candidates.artistTransitions(since, SESSION_GAP_SECONDS);
  const successors = new Map<number, ArtistTransition[]>();
  const outgoing = new Map<number, number>();
  for (const transition of transitions) {
    const list = successors.get(transition.from) ?? [];
    list.push(transition);
    successors.set(transition.from, list);
    outgoing.set(transition.from, (outgoing.get(transition.from) ?? 0) + transition.count);
  }
  const starts = rankWithTies([...outgoing.entries()], ([, total]) => total, context.seed).map(([artist]) => artist);
  const visited = new Set<number>();
  const list = new TrackList(context.max);
  let current: number | undefined = starts[0];
  while (current !== undefined && !list.full) {
    visited.add(current);
    const tracks = rankWithTies(await context.candidates.topTracksOfArtist(current, TRACKS_PER_ARTIST), (t) => t.plays, context.seed);
    const fresh = tracks.find((track) => !list.has(track.trackId));
    if (fresh) list.add(fresh.trackId);
    const next: ArtistTransition | undefined = rankWithTies((successors.get(current) ?? []).filter((t) => !visited.has(t.to)), (t) => t.count, context.seed)[0];
    current = next?.to ?? starts.find((artist) => !visited.has(artist));
  }
  return list.ids();
}
