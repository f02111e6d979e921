import type { RecordingCandidate } from '../../core/durations/ports.js';
import type { AlbumCandidate } from '../../core/enrichment/match.js';

export interface ReleaseGroupSearchReply {
  'release-groups'?: {
    id?: string;
    title?: string;
    'primary-type'?: string;
    'secondary-types'?: string[];
    'first-release-date'?: string;
    'artist-credit'?: { name?: string; joinphrase?: string; artist?: { name?: string } }[];
  }[];
}

export interface CoverArtReply {
  images?: { front?: boolean; image?: string; thumbnails?: Record<string, string | undefined> }[];
}

/** Release groups → candidates; albums without secondary types (live, compilation) are primary. */
export function toReleaseGroupCandidates(reply: ReleaseGroupSearchReply): AlbumCandidate[] {
  return (reply['release-groups'] ?? [])
    .filter((group) => group.id && group.title)
    .map((group) => {
      const year = Number((group['first-release-date'] ?? '').slice(0, 4));
      return {
        id: group.id ?? '',
        title: group.title ?? '',
        artists: (group['artist-credit'] ?? []).map((credit) => credit.name ?? credit.artist?.name ?? '').filter(Boolean),
        year: Number.isInteger(year) && year > 0 ? year : null,
        primary: (group['primary-type'] ?? 'Album') === 'Album' && (group['secondary-types'] ?? []).length === 0,
        url: `https://musicbrainz.org/release-group/${group.id}`,
        coverUrl: null,
      };
    });
}

/** The sized front thumbnail (originals can weigh 50 MB). */
export function frontCover(reply: CoverArtReply): string | null {
  const front = (reply.images ?? []).find((image) => image.front) ?? reply.images?.[0];
  if (!front) return null;
  return front.thumbnails?.['500'] ?? front.thumbnails?.large ?? front.image ?? null;
}

/** A recording as WS/2 gives it, alone (lookup) or in a search's `recordings`; `length` is in milliseconds or null. */
export interface RecordingReply {
  id?: string;
  title?: string;
  length?: number | null;
  'artist-credit'?: { name?: string; artist?: { name?: string } }[];
  releases?: { title?: string }[];
}

export interface RecordingSearchReply {
  recordings?: RecordingReply[];
}

export function toRecordingCandidate(reply: RecordingReply): RecordingCandidate | null {
  if (!reply.id || !reply.title) return null;
  const ms = typeof reply.length === 'number' && Number.isFinite(reply.length) ? reply.length : 0;
  return {
    id: reply.id,
    title: reply.title,
    artists: (reply['artist-credit'] ?? []).map((credit) => credit.name ?? credit.artist?.name ?? '').filter(Boolean),
    lengthSeconds: ms > 0 ? Math.round(ms / 1000) : null,
    releases: (reply.releases ?? []).map((release) => release.title ?? '').filter(Boolean),
  };
}

export function toRecordingCandidates(reply: RecordingSearchReply): RecordingCandidate[] {
  return (reply.recordings ?? []).map(toRecordingCandidate).filter((candidate): candidate is RecordingCandidate => candidate !== null);
}
