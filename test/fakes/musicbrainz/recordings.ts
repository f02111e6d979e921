// Recordings the fake MusicBrainz knows (track lengths for `durations`), and their WS/2 JSON:
// search hits under "recordings" with a score, and the lookup by id. `length` is in
// milliseconds, or null when MusicBrainz does not know it — as on musicbrainz.org.
import { mbid } from './catalogue.js';

export interface MbRecordingSeed {
  artist: string;
  title: string;
  /** Length in ms; null: the recording is known but not its length. */
  lengthMs: number | null;
  /** Release the recording is on. */
  album?: string;
  /** Fixed id (default: derived from artist, title and album). */
  id?: string;
}

export interface MbRecording {
  readonly id: string;
  readonly title: string;
  readonly lengthMs: number | null;
  readonly artist: { readonly id: string; readonly name: string };
  readonly release: { readonly id: string; readonly title: string } | null;
}

export function buildRecording(seed: MbRecordingSeed): MbRecording {
  const key = `${seed.artist}|${seed.title}|${seed.album ?? ''}`;
  return {
    id: seed.id ?? mbid(`recording:${key}`),
    title: seed.title,
    lengthMs: seed.lengthMs,
    artist: { id: mbid(`artist:${seed.artist}:`), name: seed.artist },
    release: seed.album ? { id: mbid(`release:${seed.artist}|${seed.album}`), title: seed.album } : null,
  };
}

/** One recording as WS/2 writes it; `inc` (lookups) adds the artist credit and the releases, a search always has them. */
export function recordingJson(recording: MbRecording, options: { score?: number; inc?: readonly string[] } = {}): Record<string, unknown> {
  const inc = options.inc ?? ['artist-credits', 'releases'];
  const json: Record<string, unknown> = {
    id: recording.id,
    ...(options.score === undefined ? {} : { score: options.score }),
    title: recording.title,
    length: recording.lengthMs,
    video: false,
    disambiguation: '',
  };
  if (inc.includes('artist-credits') || inc.includes('artists')) {
    json['artist-credit'] = [{ name: recording.artist.name, joinphrase: '', artist: { id: recording.artist.id, name: recording.artist.name, 'sort-name': recording.artist.name } }];
  }
  if (inc.includes('releases')) {
    json.releases = recording.release ? [{ id: recording.release.id, title: recording.release.title, status: 'Official', 'status-id': mbid('status:Official') }] : [];
  }
  return json;
}
