import { UserError } from '../errors.js';
import { isFalsy, isUuid, lenientInteger, pythonStrip } from './lenient-values.js';
import {
  LISTEN_MINIMUM_TS,
  LISTENED_AT_ALLOWED_SKEW_SECONDS,
  MAX_DURATION_MS,
  MAX_DURATION_SECONDS,
  MAX_TAG_LENGTH,
  MAX_TAGS_PER_LISTEN,
} from './limits.js';

export type ListenType = 'single' | 'playing_now' | 'import';

/** `track_metadata` once checked: names trimmed, durations whole numbers, empty MBIDs dropped. */
export interface SubmittedTrack {
  readonly artist_name: string;
  readonly track_name: string;
  readonly release_name?: string;
  /** Every key the client sent is kept (the real server preserves unknown keys too). */
  readonly additional_info: Record<string, unknown>;
}

export interface SubmittedListen {
  /** null for playing_now. */
  readonly listenedAt: number | null;
  readonly track: SubmittedTrack;
}

type Json = Record<string, unknown>;

const SINGLE_MBID_KEYS = ['release_mbid', 'recording_mbid', 'release_group_mbid', 'track_mbid'] as const;
const MBID_LIST_KEYS = ['artist_mbids', 'work_mbids'] as const;

/**
 * One listen of a submit-listens request, checked in the real server's order with its
 * messages (a client shows them to its user; tests compare them with the server's own).
 * Throws UserError on the first problem.
 */
export function checkListen(listen: unknown, type: ListenType, nowSeconds: number): SubmittedListen {
  if (listen === null) throw new UserError('Listen is empty and cannot be validated.');
  // The server tests keys with Python's `in`: a string or a list simply has none of them.
  const fields: Json = isObject(listen) ? listen : {};
  let listenedAt: number | null = null;
  if (type === 'playing_now') {
    if ('listened_at' in fields) throw new UserError('JSON document must not contain listened_at while submitting playing_now.');
    requireTrackMetadataKey(fields);
    if (Object.keys(fields).length > 1) throw new UserError('JSON document may only contain track_metadata as top level key when submitting playing_now.');
  } else {
    listenedAt = checkListenedAt(fields, nowSeconds);
    requireTrackMetadataKey(fields);
    if (Object.keys(fields).length > 2) throw new UserError('JSON document may only contain listened_at and track_metadata top level keys');
  }
  const metadata = fields['track_metadata'];
  if (metadata === null) throw new UserError('JSON document may not have track_metadata with null value.');
  if (!isObject(metadata)) throw new UserError('track_metadata must be a JSON object.');
  const track_name = checkName(metadata, 'track_name', true) as string;
  const artist_name = checkName(metadata, 'artist_name', true) as string;
  const release_name = checkName(metadata, 'release_name', false);
  const additional_info = checkAdditionalInfo(metadata['additional_info']);
  const track: SubmittedTrack = { artist_name, track_name, ...(release_name === undefined ? {} : { release_name }), additional_info };
  // Checked last, on the trimmed names, as the server does (PostgreSQL cannot store U+0000).
  rejectUnicodeNull({ ...metadata, artist_name, track_name, ...(release_name === undefined ? {} : { release_name }), additional_info });
  return { listenedAt, track };
}

function checkListenedAt(fields: Json, nowSeconds: number): number {
  if (!('listened_at' in fields)) throw new UserError('JSON document must contain the key listened_at at the top level.');
  const value = lenientInteger(fields['listened_at']);
  if (value === undefined) throw new UserError('JSON document must contain an int value for listened_at.');
  if (value >= Math.floor(nowSeconds) + LISTENED_AT_ALLOWED_SKEW_SECONDS) throw new UserError('Value for key listened_at is too high.');
  if (value < LISTEN_MINIMUM_TS) {
    throw new UserError(`Value for key listened_at is too low. listened_at timestamp should be greater than ${LISTEN_MINIMUM_TS} (2002-10-01 00:00:00 UTC).`);
  }
  return value;
}

function requireTrackMetadataKey(fields: Json): void {
  if (!('track_metadata' in fields)) throw new UserError('JSON document must contain the key track_metadata at the top level.');
}

function checkName(metadata: Json, key: string, required: boolean): string | undefined {
  if (!(key in metadata)) {
    if (required) throw new UserError(`JSON document does not contain required field track_metadata.${key}.`);
    return undefined;
  }
  const value = metadata[key];
  if (typeof value !== 'string') throw new UserError(`track_metadata.${key} must be a single string.`);
  const name = pythonStrip(value);
  if (name.length === 0) throw new UserError(`field track_metadata.${key} is empty.`);
  return name;
}

function checkAdditionalInfo(value: unknown): Json {
  // null is taken as "none" (the real server fails with a 500 on it); other non-objects are refused.
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new UserError('track_metadata.additional_info must be a JSON object.');
  const info: Json = { ...value };
  checkTags(info['tags']);
  if ('duration' in info && 'duration_ms' in info) throw new UserError('JSON document should not contain both duration and duration_ms.');
  checkDuration(info, 'duration', MAX_DURATION_SECONDS);
  checkDuration(info, 'duration_ms', MAX_DURATION_MS);
  for (const key of SINGLE_MBID_KEYS) {
    if (!(key in info)) continue;
    if (isFalsy(info[key])) delete info[key];
    else if (!isUuid(info[key])) throw new UserError(`${key} MBID format invalid.`);
  }
  for (const key of MBID_LIST_KEYS) {
    if (!(key in info)) continue;
    if (isFalsy(info[key])) {
      delete info[key];
      continue;
    }
    // A single MBID sent as a string is read character by character by the server, and fails.
    const listed = Array.isArray(info[key]) ? (info[key] as unknown[]) : [...String(info[key])];
    const mbids = listed.filter((mbid) => !isFalsy(mbid));
    if (!mbids.every(isUuid)) throw new UserError(`${key} MBID format invalid.`);
    info[key] = mbids;
  }
  return info;
}

function checkTags(tags: unknown): void {
  if (tags === undefined) return;
  if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string')) throw new UserError('track_metadata.additional_info.tags must be a list of strings.');
  if (tags.length > MAX_TAGS_PER_LISTEN) throw new UserError(`JSON document may not contain more than ${MAX_TAGS_PER_LISTEN} items in track_metadata.additional_info.tags.`);
  if (tags.some((tag: string) => [...tag].length > MAX_TAG_LENGTH)) {
    throw new UserError(`JSON document may not contain track_metadata.additional_info.tags longer than ${MAX_TAG_LENGTH} characters.`);
  }
}

function checkDuration(info: Json, key: 'duration' | 'duration_ms', max: number): void {
  if (!(key in info)) return;
  const value = lenientInteger(info[key]);
  if (value === undefined || value <= 0) throw new UserError(`Value for ${key} is invalid, should be a positive integer.`);
  if (value > max) throw new UserError(`Value for ${key} is too large, max permitted value is ${max}`);
  info[key] = value;
}

/** Strings anywhere in the track, and strings directly inside lists (the server looks no deeper into lists). */
function rejectUnicodeNull(value: Json): void {
  for (const item of Object.values(value)) {
    if (isObject(item)) rejectUnicodeNull(item);
    else if (Array.isArray(item)) item.forEach(rejectNullIn);
    else rejectNullIn(item);
  }
}

function rejectNullIn(item: unknown): void {
  if (typeof item === 'string' && item.includes('\u0000')) throw new UserError(`${item} contains a unicode null`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
