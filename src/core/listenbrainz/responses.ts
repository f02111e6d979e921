import { createHash } from 'node:crypto';
import type { NowPlayingTrack } from './playing-now.js';
import type { StoredListen } from './ports.js';

/**
 * The ListenBrainz API's reply shapes for what AIME holds, so a client that reads a user's
 * listens or playing-now from listenbrainz.org reads them from AIME unchanged.
 */

export interface ListenbrainzTrackMetadata {
  readonly artist_name: string;
  readonly track_name: string;
  readonly release_name?: string;
  readonly additional_info: Record<string, unknown>;
}

export interface ListenbrainzListen {
  readonly listened_at: number;
  readonly inserted_at: number;
  readonly user_name: string;
  readonly recording_msid: string;
  readonly track_metadata: ListenbrainzTrackMetadata;
}

/** The program named as `submission_client` on what AIME hands out. */
export const SUBMISSION_CLIENT = 'AIME';

/**
 * A stored listen's track in ListenBrainz terms. `additional_info` says where AIME got the
 * play (`aime_source`, an extra key as the format allows), the player that reported it
 * (`media_player`) and the track's length.
 */
export function trackMetadataOf(listen: StoredListen): ListenbrainzTrackMetadata {
  const additional_info: Record<string, unknown> = { submission_client: SUBMISSION_CLIENT, aime_source: listen.source };
  if (listen.client) additional_info['media_player'] = listen.client;
  if (listen.durationSeconds && listen.durationSeconds > 0) additional_info['duration'] = listen.durationSeconds;
  return {
    artist_name: listen.artist,
    track_name: listen.title,
    ...(listen.album ? { release_name: listen.album } : {}),
    additional_info,
  };
}

export function listenbrainzListen(listen: StoredListen, userName: string): ListenbrainzListen {
  return {
    listened_at: listen.timestamp,
    inserted_at: listen.insertedAt,
    user_name: userName,
    recording_msid: recordingMsid(listen.trackId),
    track_metadata: trackMetadataOf(listen),
  };
}

/** GET /1/user/<name>/listens. The span's bounds are 0 when nothing is stored. */
export function listensReply(userName: string, listens: readonly StoredListen[], span: { oldest: number; latest: number } | undefined) {
  return {
    payload: {
      user_id: userName,
      count: listens.length,
      listens: listens.map((listen) => listenbrainzListen(listen, userName)),
      latest_listen_ts: span?.latest ?? 0,
      oldest_listen_ts: span?.oldest ?? 0,
    },
  };
}

/** GET /1/user/<name>/playing-now: zero or one listen, without listened_at. */
export function playingNowReply(userName: string, playing: NowPlayingTrack | undefined) {
  return {
    payload: {
      count: playing ? 1 : 0,
      user_id: userName,
      playing_now: true,
      listens: playing ? [{ playing_now: true, track_metadata: playing.track }] : [],
    },
  };
}

/**
 * ListenBrainz names each recording as it was sent with an MSID (a UUID); AIME's stable
 * equivalent is a name-based UUID (version 5 layout) of its track row, so every listen of
 * one track carries the same id.
 */
export function recordingMsid(trackId: number): string {
  const bytes = createHash('sha1').update(`aime:track:${trackId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
