import { playTimeProblem } from './play-time.js';
import { isRecord, numeric, text, type ExportReader, type RecordSink } from './records.js';
import { MIN_SPOTIFY_PLAY_MS } from './spotify-extended.js';

const END_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/**
 * Spotify "Account data" history (`StreamingHistory<n>.json`, `StreamingHistory_music_<n>.json`):
 * `{endTime: "2025-04-12 13:50" (UTC, to the minute), artistName, trackName, msPlayed}`. Same
 * 30 s rule as the extended history; the start is endTime − msPlayed, so it is only right to
 * the minute. (Old `StreamingHistory<n>.json` files mix podcasts in, with the show as artist:
 * nothing in a record tells them apart.)
 */
export function spotifyAccountReader(): ExportReader {
  return { format: 'spotify-account', read: readStream };
}

function readStream(element: unknown, sink: RecordSink, nowSeconds: number): void {
  if (!isRecord(element)) return sink.fail('not a stream record (expected an object)');
  const title = text(element.trackName);
  const artist = text(element.artistName);
  if (title === null || artist === null) return sink.skip('no track');
  const msPlayed = numeric(element.msPlayed);
  if (msPlayed === null) return sink.fail('msPlayed missing');
  if (msPlayed < MIN_SPOTIFY_PLAY_MS) return sink.skip('short');
  const end = endTime(element.endTime);
  if (end === null) return sink.fail(element.endTime === undefined || element.endTime === null ? 'no timestamp (endTime)' : `endTime ${JSON.stringify(element.endTime)} is not "YYYY-MM-DD HH:MM"`);
  const timestamp = Math.round(end - msPlayed / 1000);
  const problem = playTimeProblem(timestamp, nowSeconds);
  if (problem !== null) return sink.fail(problem);
  sink.play({ artist, title, album: null, timestamp, source: 'spotify', playedSeconds: Math.round(msPlayed / 1000) });
}

function endTime(value: unknown): number | null {
  const match = typeof value === 'string' ? END_TIME.exec(value.trim()) : null;
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const millis = Date.UTC(year, month - 1, day, hour, minute);
  // Date.UTC rolls "2025-02-31" over into March; a real date survives the round trip.
  const date = new Date(millis);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 ? millis / 1000 : null;
}
