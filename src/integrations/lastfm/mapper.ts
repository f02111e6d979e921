import { UnrecoverableError } from '../../core/errors.js';
import type { PlayReport } from '../../core/model.js';
import type { LovedPage, ScrobblePage, ScrobblerProfile } from '../../core/listens/ports.js';

/**
 * Last.fm JSON → core types, pure. Handles the API's habits: every number as a string,
 * a lone item sent as an object instead of an array, "#text" vs "name" for the artist
 * (extended=1), and the now-playing row (no date) that is not a play yet.
 */
type Json = Record<string, unknown>;

export interface AlbumInfo {
  readonly artist: string;
  readonly title: string;
  readonly mbid: string | null;
  /** The largest cover, or null when Last.fm has none (the grey star placeholder). */
  readonly coverUrl: string | null;
  readonly tracks: { title: string; durationSeconds: number | null; position: number }[];
}

export interface TrackInfo {
  readonly title: string;
  readonly artist: string;
  /** Seconds; null when Last.fm does not know the length ("0"). */
  readonly durationSeconds: number | null;
  readonly mbid: string | null;
  readonly album: string | null;
}

export function toScrobblePage(body: unknown): ScrobblePage {
  const root = field(body, 'recenttracks', 'user.getRecentTracks');
  const attr = (root['@attr'] ?? {}) as Json;
  const plays: PlayReport[] = [];
  for (const row of list(root.track)) {
    const play = toPlay(row);
    if (play) plays.push(play);
  }
  return { page: int(attr.page) ?? 1, totalPages: int(attr.totalPages) ?? 0, total: int(attr.total) ?? 0, plays };
}

function toPlay(row: Json): PlayReport | undefined {
  const attr = row['@attr'] as Json | undefined;
  if (attr?.nowplaying === 'true' || attr?.nowplaying === true) return undefined;
  const timestamp = int((row.date as Json | undefined)?.uts);
  const artist = text(row.artist);
  const title = typeof row.name === 'string' ? row.name.trim() : '';
  if (timestamp === undefined || !artist || !title) return undefined;
  const album = text(row.album);
  return {
    artist,
    title,
    album: album || null,
    timestamp,
    source: 'lastfm',
    loved: row.loved === '1' || row.loved === 1,
    mbid: typeof row.mbid === 'string' && row.mbid ? row.mbid : null,
  };
}

export function toLovedPage(body: unknown): LovedPage {
  const root = field(body, 'lovedtracks', 'user.getLovedTracks');
  const attr = (root['@attr'] ?? {}) as Json;
  const tracks = list(root.track)
    .map((row) => ({ artist: text(row.artist), title: typeof row.name === 'string' ? row.name.trim() : '', lovedAt: int((row.date as Json | undefined)?.uts) ?? 0 }))
    .filter((track) => track.artist && track.title);
  return { page: int(attr.page) ?? 1, totalPages: int(attr.totalPages) ?? 0, tracks };
}

export function toProfile(body: unknown): ScrobblerProfile {
  const user = field(body, 'user', 'user.getInfo');
  const registered = user.registered as Json | undefined;
  return { name: String(user.name ?? ''), playcount: int(user.playcount) ?? 0, registeredAt: int(registered?.unixtime) ?? null };
}

const PLACEHOLDER = '2a96cbd8b46e442fc41c2b86b821562f';

export function toAlbumInfo(body: unknown): AlbumInfo {
  const album = field(body, 'album', 'album.getInfo');
  const images = list(album.image).map((image) => text(image)).filter((url) => url && !url.includes(PLACEHOLDER));
  const tracks = list((album.tracks as Json | undefined)?.track).map((track, index) => ({
    title: String(track.name ?? ''),
    durationSeconds: positive(int(track.duration)),
    position: int((track['@attr'] as Json | undefined)?.rank) ?? index + 1,
  }));
  return {
    artist: text(album.artist),
    title: String(album.name ?? ''),
    mbid: typeof album.mbid === 'string' && album.mbid ? album.mbid : null,
    coverUrl: images[images.length - 1] ?? null,
    tracks,
  };
}

/** track.getInfo gives its length in milliseconds (album.getInfo's tracklist in seconds). */
export function toTrackInfo(body: unknown): TrackInfo {
  const track = field(body, 'track', 'track.getInfo');
  const ms = int(track.duration);
  const album = track.album as Json | undefined;
  return {
    title: String(track.name ?? ''),
    artist: text(track.artist),
    durationSeconds: ms !== undefined && ms > 0 ? Math.round(ms / 1000) : null,
    mbid: typeof track.mbid === 'string' && track.mbid ? track.mbid : null,
    album: album ? text(album.title) || null : null,
  };
}

function field(body: unknown, name: string, method: string): Json {
  const value = typeof body === 'object' && body !== null ? (body as Json)[name] : undefined;
  if (typeof value !== 'object' || value === null) throw new UnrecoverableError(`Last.fm ${method} reply has no "${name}" object`);
  return value as Json;
}

/** Zero items → [] (or absent), one → the object itself, more → an array. */
function list(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter((item): item is Json => typeof item === 'object' && item !== null);
  return typeof value === 'object' && value !== null ? [value as Json] : [];
}

/** "#text" in plain replies, "name" with extended=1, or a bare string. */
function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value !== 'object' || value === null) return '';
  const node = value as Json;
  const found = node['#text'] ?? node.name;
  return typeof found === 'string' ? found.trim() : '';
}

/** Last.fm writes an unknown length as 0, "0" or null. */
function positive(value: number | undefined): number | null {
  return value !== undefined && value > 0 ? value : null;
}

function int(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isInteger(number) ? number : undefined;
}
