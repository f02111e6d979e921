import { playTimeProblem } from './play-time.js';
import { isRecord, mbid, numeric, positiveSeconds, text, type ExportReader, type RecordSink } from './records.js';

/**
 * ListenBrainz listens, as its export writes them (`listens/<y>/<m>.jsonl` in the ZIP, loose
 * `.jsonl`, or the older one-array `<user>_lb-YYYY-MM-DD.json`):
 * `{listened_at, track_metadata:{artist_name, track_name, release_name, additional_info, mbid_mapping}}`.
 * `listened_at` is the start already. MusicBrainz ids come from what the player sent
 * (`additional_info`) or else from ListenBrainz's own matching (`mbid_mapping`, may be null);
 * the mapping has the release's id but not its title, so an album-less listen keeps the id only.
 */
export function listenBrainzReader(): ExportReader {
  return { format: 'listenbrainz', read: readListen };
}

function readListen(element: unknown, sink: RecordSink, nowSeconds: number): void {
  if (!isRecord(element)) return sink.fail('not a listen (expected an object)');
  const metadata = element.track_metadata;
  if (!isRecord(metadata)) return sink.fail('no track_metadata');
  const artist = text(metadata.artist_name);
  const title = text(metadata.track_name);
  if (artist === null) return sink.fail('no artist_name');
  if (title === null) return sink.fail('no track_name');
  const timestamp = numeric(element.listened_at);
  const problem = playTimeProblem(timestamp, nowSeconds);
  if (problem !== null) return sink.fail(problem);
  const info = isRecord(metadata.additional_info) ? metadata.additional_info : {};
  const mapping = isRecord(metadata.mbid_mapping) ? metadata.mbid_mapping : {};
  const albumArtist = text(info.release_artist_name);
  sink.play({
    artist,
    title,
    album: text(metadata.release_name),
    albumArtist: albumArtist !== artist ? albumArtist : null,
    timestamp: Math.floor(timestamp as number),
    source: 'listenbrainz',
    durationSeconds: duration(info),
    mbid: mbid(info.recording_mbid) ?? mbid(mapping.recording_mbid),
    artistMbid: firstMbid(info.artist_mbids) ?? firstMbid(mapping.artist_mbids),
    albumMbid: mbid(info.release_mbid) ?? mbid(mapping.release_mbid),
    client: text(info.submission_client) ?? text(info.media_player),
    // Read from ListenBrainz's own export: these listens are on ListenBrainz already.
    alreadyOn: 'listenbrainz',
  });
}

/** `duration_ms` (milliseconds, may be a float) or `duration` (seconds), whichever is sent. */
function duration(info: Record<string, unknown>): number | null {
  const ms = numeric(info.duration_ms);
  if (ms !== null) return positiveSeconds(ms / 1000);
  return positiveSeconds(numeric(info.duration));
}

function firstMbid(ids: unknown): string | null {
  return Array.isArray(ids) ? mbid(ids[0]) : null;
}
