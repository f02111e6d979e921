import { playTimeProblem } from './play-time.js';
import { isRecord, numeric, text, type ExportReader, type RecordSink } from './records.js';

/** Spotify's own rule, and the one every scrobbler uses: a stream under 30 s is not a listen. */
export const MIN_SPOTIFY_PLAY_MS = 30_000;

/** Above this an `offline_timestamp` can only be milliseconds: 1e11 seconds is the year 5138. */
const MILLISECONDS_FROM = 1e11;
/** A start may not lie after the stream's end; a second or two of jitter is normal. */
const START_AFTER_END_SLACK_SECONDS = 60;

/**
 * Spotify "Extended streaming history" (`Streaming_History_Audio_*.json`, legacy
 * `endsong_*.json`): one JSON array of streams. A stream is a listen when it is music (track
 * name and artist present) and played for at least 30 s. Its time is the START of the stream:
 * `ts` is when the stream ended, so the start is `ts − ms_played`, unless Spotify recorded
 * `offline_timestamp`, the real start — which matters for paused streams (ts is then hours
 * after the start) and offline plays synced months later.
 */
export function spotifyExtendedReader(): ExportReader {
  return { format: 'spotify', read: readStream };
}

function readStream(element: unknown, sink: RecordSink, nowSeconds: number): void {
  if (!isRecord(element)) return sink.fail('not a stream record (expected an object)');
  if (text(element.episode_name) !== null || text(element.spotify_episode_uri) !== null) return sink.skip('podcast');
  if (text(element.audiobook_title) !== null || text(element.audiobook_uri) !== null || text(element.audiobook_chapter_uri) !== null) return sink.skip('audiobook');
  const title = text(element.master_metadata_track_name);
  const artist = text(element.master_metadata_album_artist_name);
  if (title === null || artist === null) return sink.skip('no track');
  if (element.incognito_mode === true) return sink.skip('incognito');
  const msPlayed = numeric(element.ms_played);
  if (msPlayed === null) return sink.fail('ms_played missing');
  if (msPlayed < MIN_SPOTIFY_PLAY_MS) return sink.skip('short');
  const end = typeof element.ts === 'string' ? utcSeconds(element.ts) : Number.NaN;
  if (Number.isNaN(end)) return sink.fail(element.ts === undefined || element.ts === null ? 'no timestamp (ts)' : `ts ${JSON.stringify(element.ts)} is not a date`);
  const timestamp = offlineStart(element.offline_timestamp, end) ?? Math.round(end - msPlayed / 1000);
  const problem = playTimeProblem(timestamp, nowSeconds);
  if (problem !== null) return sink.fail(problem);
  sink.play({
    artist,
    title,
    album: text(element.master_metadata_album_album_name),
    timestamp,
    source: 'spotify',
    playedSeconds: Math.round(msPlayed / 1000),
    client: text(element.platform),
  });
}

const ZONED = /(?:Z|UTC|[+-]\d{2}:?\d{2})$/i;

/** `ts` is UTC; one written without a zone must not be read in the machine's local time. */
function utcSeconds(ts: string): number {
  return Date.parse(ts.endsWith('Z') || ZONED.test(ts) ? ts : `${ts}Z`) / 1000;
}

/**
 * `offline_timestamp` as UTC seconds, or null when absent or not believable. Its unit changed
 * over the years: recent exports write seconds (1745874272), older ones milliseconds
 * (1514143428800), and 0 when unknown. It is the start, so it cannot be after the end (`ts`);
 * it may be long before it (a paused stream, an offline play synced later).
 */
function offlineStart(value: unknown, end: number): number | null {
  const raw = numeric(value);
  if (raw === null || raw <= 0) return null;
  const seconds = raw >= MILLISECONDS_FROM ? Math.floor(raw / 1000) : Math.floor(raw);
  if (seconds > end + START_AFTER_END_SLACK_SECONDS) return null;
  return seconds;
}
