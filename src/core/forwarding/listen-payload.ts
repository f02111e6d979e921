import { errorMessage } from '../errors.js';
import { isUuid } from '../listenbrainz/lenient-values.js';
import { MAX_LISTEN_SIZE } from '../listenbrainz/limits.js';
import { checkListen } from '../listenbrainz/listen-rules.js';
import type { ListenbrainzSubmissionListen, OutgoingListen } from './ports.js';

/** `submission_client` of every forwarded listen. */
export const FORWARDING_CLIENT = 'aime';

/**
 * Bytes a listen may weigh here: the target refuses a request heavier than 10,240 bytes per
 * listen, and the request's own frame (`{"listen_type":"import","payload":[…]}`, the commas)
 * must fit in that too.
 */
const LISTEN_BYTES = MAX_LISTEN_SIZE - 64;

/**
 * A stored listen in the ListenBrainz submission format. The same listen always gives the
 * same JSON, so a batch sent again after a crash is the one the target already has and
 * absorbs (its dedup: same listened_at, same track).
 */
export function submissionListen(listen: OutgoingListen, version: string): ListenbrainzSubmissionListen {
  const info: Record<string, unknown> = { submission_client: FORWARDING_CLIENT, submission_client_version: version };
  if (listen.durationSeconds !== null && listen.durationSeconds > 0) info['duration_ms'] = listen.durationSeconds * 1000;
  if (listen.client) info['media_player'] = listen.client;
  if (listen.trackNumber !== null && listen.trackNumber > 0) info['tracknumber'] = listen.trackNumber;
  if (listen.album && listen.albumArtist && listen.albumArtist !== listen.artist) info['release_artist_name'] = listen.albumArtist;
  // An id AIME holds in another form is left out: ListenBrainz refuses the whole listen for a malformed MBID.
  if (isUuid(listen.recordingMbid)) info['recording_mbid'] = listen.recordingMbid;
  if (isUuid(listen.releaseMbid)) info['release_mbid'] = listen.releaseMbid;
  if (isUuid(listen.artistMbid)) info['artist_mbids'] = [listen.artistMbid];
  // Extra keys are kept by ListenBrainz: where AIME heard the play (roon, vinyl, spotify…).
  info['aime_source'] = listen.source;
  return {
    listened_at: listen.timestamp,
    track_metadata: {
      artist_name: listen.artist,
      track_name: listen.title,
      ...(listen.album ? { release_name: listen.album } : {}),
      additional_info: info,
    },
  };
}

/**
 * Why the target would refuse this listen, judged by ListenBrainz's own rules (the ones
 * AIME's endpoint applies: too old, in the future, a NUL character…) and its size limit;
 * undefined when it may go. Such a listen is parked without being sent.
 */
export function refusalBeforeSending(listen: ListenbrainzSubmissionListen, nowSeconds: number): string | undefined {
  const bytes = Buffer.byteLength(JSON.stringify(listen));
  if (bytes > LISTEN_BYTES) return `too large for ListenBrainz (${bytes} bytes; at most ${LISTEN_BYTES})`;
  try {
    checkListen(listen, 'import', nowSeconds);
    return undefined;
  } catch (error) {
    return errorMessage(error);
  }
}
