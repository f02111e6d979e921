// The API methods the fake knows, as pure functions of the request parameters and state.
import { albumInfoBody, trackInfoBody, type LibraryIndex } from './album-info.js';
import { LASTFM_ERRORS, type LastfmError } from './errors.js';
import { images, lovedTrack, oneOrMany, oneOrManyJson, pageAttr, PLACEHOLDER_IMAGE_HASH, recentTrackJson } from './render.js';
import type { NowPlayingTrack, ScrobbleStore } from './store.js';

export interface UserProfile {
  readonly name: string;
  readonly realname: string;
  readonly country: string;
  /** Account creation time (epoch seconds); defaults to 30 days before the first scrobble. */
  readonly registeredAt?: number;
}

export interface MethodState {
  readonly store: ScrobbleStore;
  readonly library: LibraryIndex;
  readonly profile: UserProfile;
  readonly nowPlaying: NowPlayingTrack | null;
  /** "Hide recent listening information": user.getRecentTracks needs a session key. */
  readonly privateHistory: boolean;
  readonly maxLimit: number;
  /** Albums and tracks (lower-case "artist\u0000title") Last.fm answers error 6 for although they were scrobbled. */
  readonly unknown: { readonly albums: ReadonlySet<string>; readonly tracks: ReadonlySet<string> };
}

/** A success carries its body as JSON text (built by hand for the hot path). */
export type Answer = { readonly status: number; readonly json: string } | { readonly error: LastfmError; readonly extra?: Record<string, unknown> };

function ok(body: unknown): Answer {
  return { status: 200, json: JSON.stringify(body) };
}

/** Last.fm method names are case-insensitive; the fake counts them under their documented spelling. */
export const METHODS = ['user.getRecentTracks', 'user.getInfo', 'user.getLovedTracks', 'album.getInfo', 'track.getInfo'] as const;
export type LastfmMethod = (typeof METHODS)[number];

const BY_LOWER = new Map<string, LastfmMethod>(METHODS.map((m) => [m.toLowerCase(), m]));

export function canonicalMethod(name: string): LastfmMethod | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

export function answer(method: LastfmMethod, params: URLSearchParams, state: MethodState): Answer {
  switch (method) {
    case 'user.getRecentTracks':
      return recentTracks(params, state);
    case 'user.getInfo':
      return userInfo(params, state);
    case 'user.getLovedTracks':
      return lovedTracks(params, state);
    case 'album.getInfo':
      return albumInfo(params, state);
    case 'track.getInfo':
      return trackInfo(params, state);
  }
}

function wholeNumber(value: string | null): number | undefined {
  if (value === null || !/^\s*-?\d+\s*$/.test(value)) return undefined;
  return Number.parseInt(value, 10);
}

function paging(params: URLSearchParams, maxLimit: number): { page: number; limit: number } {
  const limit = wholeNumber(params.get('limit'));
  const page = wholeNumber(params.get('page'));
  return {
    limit: limit === undefined || limit < 1 ? 50 : Math.min(limit, maxLimit),
    page: page === undefined || page < 1 ? 1 : page,
  };
}

function checkUser(params: URLSearchParams, state: MethodState): Answer | undefined {
  const user = params.get('user');
  if (!user) return { error: LASTFM_ERRORS.missingParameter };
  if (user.toLowerCase() !== state.profile.name.toLowerCase()) return { error: LASTFM_ERRORS.userNotFound };
  return undefined;
}

function isOn(value: string | null): boolean {
  return value === '1' || value?.toLowerCase() === 'true';
}

function recentTracks(params: URLSearchParams, state: MethodState): Answer {
  const bad = checkUser(params, state);
  if (bad) return bad;
  if (state.privateHistory && !params.get('sk')) return { error: LASTFM_ERRORS.loginRequired };
  const { page, limit } = paging(params, state.maxLimit);
  const extended = isOn(params.get('extended'));
  const { store } = state;
  const { lo, hi } = store.window(wholeNumber(params.get('from')), wholeNumber(params.get('to')));
  const rows: string[] = [];
  // Page 1 holds the playing track on top of `limit` scrobbles, whatever from/to say.
  if (page === 1 && state.nowPlaying) {
    const np = state.nowPlaying;
    rows.push(recentTrackJson(np, extended, store.isLoved(np.artist, np.title), null));
  }
  const newest = hi - (page - 1) * limit;
  for (let i = newest - 1; i >= Math.max(lo, newest - limit); i--) {
    const s = store.at(i);
    rows.push(recentTrackJson(s, extended, extended && store.isLoved(s.artist, s.title), s.timestamp));
  }
  const attr = pageAttr({ user: state.profile.name, page, perPage: limit, total: hi - lo });
  return { status: 200, json: `{"recenttracks":{"track":${oneOrManyJson(rows)},"@attr":${JSON.stringify(attr)}}}` };
}

function lovedTracks(params: URLSearchParams, state: MethodState): Answer {
  const bad = checkUser(params, state);
  if (bad) return bad;
  const { page, limit } = paging(params, 1000);
  const all = state.store.lovedTracks();
  const rows = all.slice((page - 1) * limit, page * limit).map(lovedTrack);
  const attr = pageAttr({ user: state.profile.name, page, perPage: limit, total: all.length });
  return ok({ lovedtracks: { track: oneOrMany(rows), '@attr': attr } });
}

function userInfo(params: URLSearchParams, state: MethodState): Answer {
  const bad = checkUser(params, state);
  if (bad) return bad;
  const { profile, store } = state;
  const registered = profile.registeredAt ?? (store.earliestTimestamp() ?? 1_262_304_000) - 30 * 86_400;
  const counts = state.library.counts();
  return ok({
    user: {
      name: profile.name,
      age: '0',
      subscriber: '0',
      realname: profile.realname,
      bootstrap: '0',
      playcount: String(store.size),
      artist_count: String(counts.artists),
      playlists: '0',
      track_count: String(counts.tracks),
      album_count: String(counts.albums),
      image: images(PLACEHOLDER_IMAGE_HASH, true),
      registered: { unixtime: String(registered), '#text': registered },
      country: profile.country,
      gender: 'n',
      url: `https://www.last.fm/user/${encodeURIComponent(profile.name)}`,
      type: 'user',
    },
  });
}

function albumInfo(params: URLSearchParams, state: MethodState): Answer {
  const mbid = params.get('mbid') ?? undefined;
  const artist = params.get('artist') ?? undefined;
  const album = params.get('album') ?? undefined;
  if (!mbid && (!artist || !album)) return { error: LASTFM_ERRORS.missingParameter };
  const entry = state.library.find({ mbid, artist, album, autocorrect: isOn(params.get('autocorrect')) });
  if (!entry || state.unknown.albums.has(unknownKey(entry.artist, entry.title))) return { error: LASTFM_ERRORS.albumNotFound, extra: { links: [] } };
  const username = params.get('username');
  const forUser = username !== null && username.toLowerCase() === state.profile.name.toLowerCase();
  return ok(albumInfoBody(entry, forUser));
}

function trackInfo(params: URLSearchParams, state: MethodState): Answer {
  const mbid = params.get('mbid') ?? undefined;
  const artist = params.get('artist') ?? undefined;
  const track = params.get('track') ?? undefined;
  if (!mbid && (!artist || !track)) return { error: LASTFM_ERRORS.missingParameter };
  const entry = state.library.findTrack({ mbid, artist, track, autocorrect: isOn(params.get('autocorrect')) });
  if (!entry || state.unknown.tracks.has(unknownKey(entry.artist, entry.title))) return { error: LASTFM_ERRORS.trackNotFound, extra: { links: [] } };
  const username = params.get('username');
  return ok(trackInfoBody(entry, username !== null && username.toLowerCase() === state.profile.name.toLowerCase()));
}

export function unknownKey(artist: string, title: string): string {
  return `${artist.trim().toLowerCase()}\u0000${title.trim().toLowerCase()}`;
}
