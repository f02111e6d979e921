import { playTimeProblem } from './play-time.js';
import { mbid, numeric, text, type ExportReader, type RecordSink } from './records.js';

interface Columns {
  readonly artist: number;
  readonly album: number;
  readonly track: number;
  readonly uts: number;
  readonly date: number;
  readonly artistMbid: number;
  readonly albumMbid: number;
  readonly trackMbid: number;
}

/** The older header-less export (`artist,album,track,date`). */
const HEADERLESS: Columns = { artist: 0, album: 1, track: 2, uts: -1, date: 3, artistMbid: -1, albumMbid: -1, trackMbid: -1 };

const MONTHS: Readonly<Record<string, number>> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };
/** "31 Jan 2021 14:05" (older exports) or "13 Jun 2025, 00:55" (lastfm.ghan.nl's utc_time), UTC. */
const LASTFM_DATE = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4}),? (\d{1,2}):(\d{2})$/;

/**
 * Last.fm scrobbles exported as CSV: lastfm.ghan.nl's files with the header
 * `uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid` (columns found by name),
 * or the older header-less `artist,album,track,date`. Rows arrive already split (quotes,
 * commas inside values, CRLF and BOM are the CSV parser's business).
 */
export function lastfmCsvReader(): ExportReader {
  let columns: Columns | null = null;
  return {
    format: 'lastfm-csv',
    read(element: unknown, sink: RecordSink, nowSeconds: number): void {
      if (!Array.isArray(element)) return sink.fail('not a CSV row');
      const row = element as unknown[];
      if (columns === null) {
        const header = headerColumns(row);
        columns = header ?? HEADERLESS;
        if (header) return;
      }
      readRow(row, columns, sink, nowSeconds);
    },
  };
}

function headerColumns(row: readonly unknown[]): Columns | null {
  const names = row.map((cell) => (typeof cell === 'string' ? cell.trim().toLowerCase() : ''));
  const at = (...candidates: string[]): number => names.findIndex((name) => candidates.includes(name));
  const artist = at('artist');
  const track = at('track', 'title', 'name');
  const uts = at('uts', 'timestamp');
  const date = at('utc_time', 'date', 'time');
  if (artist < 0 || track < 0 || (uts < 0 && date < 0)) return null;
  return { artist, album: at('album'), track, uts, date, artistMbid: at('artist_mbid'), albumMbid: at('album_mbid'), trackMbid: at('track_mbid') };
}

function readRow(row: readonly unknown[], columns: Columns, sink: RecordSink, nowSeconds: number): void {
  const cell = (index: number): unknown => (index >= 0 ? row[index] : undefined);
  const artist = text(cell(columns.artist));
  const title = text(cell(columns.track));
  if (artist === null) return sink.fail('no artist');
  if (title === null) return sink.fail('no track title');
  const timestamp = numeric(cell(columns.uts)) ?? lastfmDate(cell(columns.date));
  const written = text(cell(columns.date)) ?? text(cell(columns.uts));
  if (timestamp === null && written !== null) return sink.fail(`date ${JSON.stringify(written)} is not understood`);
  const problem = playTimeProblem(timestamp, nowSeconds);
  if (problem !== null) return sink.fail(problem);
  sink.play({
    artist,
    title,
    album: text(cell(columns.album)),
    timestamp: timestamp as number,
    source: 'lastfm',
    mbid: mbid(cell(columns.trackMbid)),
    artistMbid: mbid(cell(columns.artistMbid)),
    albumMbid: mbid(cell(columns.albumMbid)),
  });
}

/** A Last.fm date in words, as UTC epoch seconds; a bare number is taken as epoch seconds. */
export function lastfmDate(value: unknown): number | null {
  const written = text(value);
  if (written === null) return null;
  if (/^\d+$/.test(written)) return Number(written);
  const match = LASTFM_DATE.exec(written);
  const month = match ? MONTHS[(match[2] as string).toLowerCase()] : undefined;
  if (!match || month === undefined) return null;
  const [day, year, hour, minute] = [match[1], match[3], match[4], match[5]].map(Number) as [number, number, number, number];
  if (day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return Date.UTC(year, month, day, hour, minute) / 1000;
}
