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
