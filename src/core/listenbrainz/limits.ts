/**
 * The ListenBrainz API's limits, with the values the real server uses
 * (listenbrainz-server `webserver/views/api_tools.py`, `listenstore/__init__.py`): clients are
 * written against them, so AIME's endpoint accepts and refuses exactly where the server does.
 */

/** Listens in one submit-listens request. */
export const MAX_LISTENS_PER_REQUEST = 1000;

/**
 * Bytes a listen may weigh. The server checks it in aggregate: a request is refused when its
 * body is larger than (number of listens × this), so one big listen among small ones passes.
 */
export const MAX_LISTEN_SIZE = 10_240;

/** Bytes of a whole submit-listens body; the endpoint stops reading past it. */
export const MAX_PAYLOAD_SIZE = MAX_LISTEN_SIZE * MAX_LISTENS_PER_REQUEST;

/**
 * The earliest `listened_at` accepted. The server computes "2002-10-01" in its own time zone
 * (UTC+5:30), so its minimum is 1033410600 — 2002-09-30T18:30:00Z, not midnight UTC — and
 * its error message says so; AIME uses the server's number, not the calendar date.
 */
export const LISTEN_MINIMUM_TS = 1_033_410_600;

/** How far ahead of the server's clock a `listened_at` may be (clock skew). */
export const LISTENED_AT_ALLOWED_SKEW_SECONDS = 3600;

/** 24 days: the largest `duration` (seconds) and `duration_ms` accepted. */
export const MAX_DURATION_SECONDS = 24 * 24 * 60 * 60;
export const MAX_DURATION_MS = MAX_DURATION_SECONDS * 1000;

export const MAX_TAGS_PER_LISTEN = 50;
export const MAX_TAG_LENGTH = 64;

/** `count` of GET /1/user/<name>/listens: default and ceiling. */
export const DEFAULT_LISTENS_PER_GET = 25;
export const MAX_LISTENS_PER_GET = 1000;

/** A playing_now without a duration is forgotten after this long. */
export const PLAYING_NOW_MAX_SECONDS = 600;
