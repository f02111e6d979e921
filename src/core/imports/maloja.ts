import { playTimeProblem } from './play-time.js';
import { isRecord, numeric, positiveSeconds, text, type ExportReader, type RecordSink } from './records.js';

/**
 * Maloja's export (`{maloja:{export_time}, scrobbles:[…]}`, or its API's `{list:[…]}`):
 * `{time, track:{artists[], title, length, album:{albumtitle|name, artists}|null}, duration, origin}`.
 * A track's several artists become one credit ("A, B"), as Spotify writes them; `length` is
 * the track's duration, `duration` how long it was played.
 */
export function malojaReader(): ExportReader {
  return { format: 'maloja', read: readScrobble };
}

function readScrobble(element: unknown, sink: RecordSink, nowSeconds: number): void {
  if (!isRecord(element)) return sink.fail('not a scrobble (expected an object)');
  const track = isRecord(element.track) ? element.track : {};
  const artist = credit(track.artists);
  const title = text(track.title);
  if (artist === null) return sink.fail('no artists');
  if (title === null) return sink.fail('no title');
  const timestamp = numeric(element.time);
  const problem = playTimeProblem(timestamp, nowSeconds);
  if (problem !== null) return sink.fail(problem);
  const album = isRecord(track.album) ? track.album : null;
  const albumArtist = album ? credit(album.artists) : null;
  sink.play({
    artist,
    title,
    album: album ? text(album.albumtitle) ?? text(album.name) : null,
    albumArtist: albumArtist !== artist ? albumArtist : null,
    timestamp: Math.floor(timestamp as number),
    source: 'maloja',
    durationSeconds: positiveSeconds(numeric(track.length)),
    playedSeconds: positiveSeconds(numeric(element.duration)),
    client: clientName(element.origin),
  });
}

function credit(artists: unknown): string | null {
  if (!Array.isArray(artists)) return text(artists);
  const names = artists.map(text).filter((name): name is string => name !== null);
  return names.length ? names.join(', ') : null;
}

/** Maloja writes where a scrobble came from as "client:<name>". */
function clientName(origin: unknown): string | null {
  const written = text(origin);
  return written === null ? null : text(written.replace(/^client:/, ''));
}
