/**
 * Normalised keys: how AIME decides that two spellings name the same artist, album or
 * track, while the display name stays as the source gave it. Case, accents, punctuation,
 * a leading "The ", "&" vs "and", and Discogs' " (2)" disambiguation suffixes are ignored.
 */
export function nameKey(name: string): string {
  let text = stripDiscogsSuffix(name).normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  text = text.replace(/,\s*the$/, '').replace(/&/g, ' and ').replace(/\+/g, ' and ');
  text = text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/\s+/g, ' ');
  return text.replace(/^the /, '');
}

/** "Nirvana (2)" → "Nirvana": the suffix only disambiguates inside Discogs. */
export function stripDiscogsSuffix(name: string): string {
  return name.replace(/\s+\(\d+\)$/, '').trim();
}

/** The key of an album: its title and its album artist, never the title alone. */
export function albumKey(artist: string, title: string): { artistKey: string; titleKey: string } {
  return { artistKey: nameKey(artist), titleKey: nameKey(title) };
}

/**
 * A track is one title by one artist on one album (or on no album: album-less scrobbles
 * are tracks with albumId null, never an album with an empty title).
 */
export function trackIdentity(artistId: number, albumId: number | null, title: string): string {
  return `${artistId}:${albumId ?? 0}:${nameKey(title)}`;
}
