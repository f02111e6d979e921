import type { AlbumCandidate } from '../../core/enrichment/match.js';

export interface SpotifySearchReply {
  albums?: {
    items?: {
      id?: string;
      name?: string;
      album_type?: string;
      release_date?: string;
      external_urls?: { spotify?: string };
      images?: { url?: string; width?: number }[];
      artists?: { name?: string }[];
    }[];
  };
}

/** Search results → candidates; the largest image is the cover. */
export function toAlbumCandidates(reply: SpotifySearchReply): AlbumCandidate[] {
  return (reply.albums?.items ?? [])
    .filter((item) => item.id && item.name)
    .map((item) => {
      const year = Number((item.release_date ?? '').slice(0, 4));
      const images = [...(item.images ?? [])].sort((a, b) => (b.width ?? 0) - (a.width ?? 0));
      return {
        id: item.id ?? '',
        title: item.name ?? '',
        artists: (item.artists ?? []).map((artist) => artist.name ?? '').filter(Boolean),
        year: Number.isInteger(year) && year > 0 ? year : null,
        primary: item.album_type === 'album' || item.album_type === undefined,
        url: item.external_urls?.spotify ?? `https://open.spotify.com/album/${item.id}`,
        coverUrl: images[0]?.url ?? null,
      };
    });
}
