/**
 * The times a play from a file may have. Before 2002-10-01 no scrobbling service recorded
 * anything (ListenBrainz's own floor), so an earlier time is a broken field, not a listen;
 * after "now" plus an hour of clock skew (ListenBrainz allows the same) it is broken too.
 */
export const EARLIEST_PLAY_TIME = 1_033_430_400;
export const FUTURE_TOLERANCE_SECONDS = 3_600;

/** Why `timestamp` (UTC epoch seconds) cannot be a play's start, or null when it can. */
export function playTimeProblem(timestamp: number | null | undefined, nowSeconds: number): string | null {
  if (timestamp === null || timestamp === undefined || !Number.isFinite(timestamp)) return 'no timestamp';
  if (timestamp < EARLIEST_PLAY_TIME) return `timestamp ${timestamp} is before 2002-10-01`;
  if (timestamp > nowSeconds + FUTURE_TOLERANCE_SECONDS) return `timestamp ${timestamp} is in the future`;
  return null;
}
