import { HABIT_WINDOW_SECONDS, type AlgorithmContext } from './ports.js';
import { offsetSpans } from '../time/zone.js';
import { TrackList, rankWithTies } from './selection.js';

/**
 * time_based: the music of the user's peak hour. Plays of the last year are counted per
 * local hour of the day (the configured time zone, daylight saving time included); the
 * tracks most played in the busiest hour come first, and when that hour has too few, the next busiest hours
 * fill the list.
 */
export async function timeBased(context: AlgorithmContext): Promise<number[]> {
  const span = await context.candidates.listeningSpan();
  if (!span) return [];
  const periods = offsetSpans(context.timeZone, Math.max(span.first, span.last - HABIT_WINDOW_SECONDS), span.last + 1);
  const plays = await context.candidates.playsByLocalHour(periods);
  const hours = rankWithTies(plays.map((count, hour) => ({ hour, count })).filter((h) => h.count > 0), (h) => h.count, context.seed);
  const list = new TrackList(context.max);
  for (const { hour } of hours) {
    if (list.full) break;
    const tracks = await context.candidates.topTracksInLocalHour(periods, hour, context.max * 2);
    for (const track of rankWithTies(tracks, (t) => t.plays, context.seed)) list.add(track.trackId);
  }
  return list.ids();
}
