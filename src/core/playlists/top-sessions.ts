import { SESSION_GAP_SECONDS, type AlgorithmContext } from './ports.js';
import { TrackList, habitWindowStart, rankWithTies } from './selection.js';

/** Enough long sessions to fill 200 tracks even when sessions repeat the same songs. */
const SESSION_POOL = 200;

/**
 * top_sessions: the tracks of the user's longest listening sessions of the last year
 * (30 minutes of silence end a session), longest session first, each in the order it was played.
 * A track already taken from an earlier session is not repeated.
 */
export async function topSessions(context: AlgorithmContext): Promise<number[]> {
  const since = await habitWindowStart(context.candidates);
  if (since === undefined) return [];
  const sessions = await context.candidates.longestSessions(since, SESSION_GAP_SECONDS, SESSION_POOL);
  const list = new TrackList(context.max);
  for (const session of rankWithTies(sessions, (s) => s.listens, context.seed)) {
    if (list.full) break;
    for (const trackId of await context.candidates.tracksPlayedBetween(session.start, session.end)) list.add(trackId);
  }
  return list.ids();
}
