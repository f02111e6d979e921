import { playTimeProblem } from './play-time.js';
import { isRecord, mbid, numeric, text, type ExportReader, type RecordSink } from './records.js';

/**
 * lastfm.ghan.nl's JSON export: an array of `user.getRecentTracks` pages, each `{track:[…]}`
 * with Last.fm's shapes — `artist:{mbid, "#text"}` (or `{name, mbid}` in extended pages),
 * `album:{mbid, "#text"}`, `name`, `mbid`, `date:{uts, "#text"}`, numbers as strings, a
 * single track as an object rather than an array. The now-playing row has no date: skipped.
 */
export function lastfmJsonReader(): ExportReader {
  return {
    format: 'lastfm-json',
    read(page: unknown, sink: RecordSink, nowSeconds: number): void {
      if (!isRecord(page) || page.track === undefined) return sink.fail('not a page of scrobbles (expected {"track":[…]})');
      const tracks = Array.isArray(page.track) ? (page.track as unknown[]) : [page.track];
      for (const track of tracks) readScrobble(track, sink, nowSeconds);
    },
  };
}

function readScrobble(track: unknown, sink: RecordSink, nowSeconds: number): void {
  if (!isRecord(track)) return sink.fail('not a scrobble (expected an object)');
  const attributes = isRecord(track['@attr']) ? track['@attr'] : {};
  if (attributes.nowplaying === 'true' || attributes.nowplaying === true) return sink.skip('now playing');
  const artistField = track.artist;
  const artist = isRecord(artistField) ? text(artistField['#text']) ?? text(artistField.name) : text(artistField);
  const title = text(track.name);
  if (artist === null) return sink.fail('no artist');
  if (title === null) return sink.fail('no track title');
  const timestamp = isRecord(track.date) ? numeric(track.date.uts) : null;
  const problem = playTimeProblem(timestamp, nowSeconds);
  if (problem !== null) return sink.fail(problem);
  const album = isRecord(track.album) ? track.album : {};
  sink.play({
    artist,
    title,
    album: text(album['#text']),
    timestamp: timestamp as number,
    source: 'lastfm',
    loved: track.loved === '1' || track.loved === 1 ? true : undefined,
    mbid: mbid(track.mbid),
    artistMbid: isRecord(artistField) ? mbid(artistField.mbid) : null,
    albumMbid: mbid(album.mbid),
  });
}
