const HOUR = 3600;
const DAY = 24 * HOUR;
/** A catalogue that does not know a thing is asked again a month later (it may learn it). */
export const NOT_FOUND_RETRY_SECONDS = 30 * DAY;

/**
 * When to ask a catalogue again after an answer: never after a success, a month after "not
 * known", and after a failure from an hour, doubling per attempt, up to a week.
 */
export function nextRetryAt(status: 'success' | 'not-found' | 'failed', attempts: number, now: number): number | null {
  if (status === 'success') return null;
  if (status === 'not-found') return now + NOT_FOUND_RETRY_SECONDS;
  return now + Math.min(7 * DAY, HOUR * 2 ** Math.min(Math.max(attempts, 1) - 1, 8));
}
