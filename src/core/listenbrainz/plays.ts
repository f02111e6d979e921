import type { PlayReport } from '../model.js';
import type { SubmittedListen, SubmittedTrack } from './listen-rules.js';

/** Longest client name kept: the field is the client's free text. */
const CLIENT_MAX_LENGTH = 120;

/**
 * A checked listen as the play AIME records: source 'listenbrainz', the album when given,
 * the track's length, its MusicBrainz ids, and the program that reported it.
 */
export function playFromListen(listen: SubmittedListen & { listenedAt: number }): PlayReport {
  const { track } = listen;
  const info = track.additional_info;
  return {
    artist: track.artist_name,
    title: track.track_name,
    album: track.release_name ?? null,
    timestamp: listen.listenedAt,
    source: 'listenbrainz',
    durationSeconds: trackSeconds(track) ?? null,
    mbid: text(info['recording_mbid']),
    artistMbid: Array.isArray(info['artist_mbids']) ? text(info['artist_mbids'][0]) : null,
    albumMbid: text(info['release_mbid']),
    client: clientName(track),
  };
}

/** The track's length in whole seconds, from `duration` or `duration_ms` (already whole numbers). */
export function trackSeconds(track: SubmittedTrack): number | undefined {
  const { duration, duration_ms: durationMs } = track.additional_info;
  if (typeof duration === 'number') return duration;
  if (typeof durationMs === 'number') return Math.floor(durationMs / 1000);
  return undefined;
}

/**
 * "Plex via multi-scrobbler" when a relay names the player it heard the play from,
 * otherwise whichever of the two the client gave.
 */
export function clientName(track: SubmittedTrack): string | null {
  const info = track.additional_info;
  const player = text(info['media_player']);
  const submitter = text(info['submission_client']);
  const name = player && submitter && player !== submitter ? `${player} via ${submitter}` : (player ?? submitter);
  return name ? name.slice(0, CLIENT_MAX_LENGTH) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
