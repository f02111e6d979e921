import { SUPPORTS, type CreditedArtist, type ReleaseFormat, type Support } from './model.js';

/**
 * The support of a release from all its formats (not only the first one): a vinyl LP with a
 * bonus CD is a vinyl record. "Box Set" or "All Media" wrappers are looked through.
 */
export function supportOf(formats: readonly ReleaseFormat[]): Support {
  const kinds = formats.map((format) => formatSupport(format));
  for (const support of ['vinyl', 'cd', 'cassette', 'digital'] as const) if (kinds.includes(support)) return support;
  return 'other';
}

function formatSupport(format: ReleaseFormat): Support {
  const words = [format.name, ...format.descriptions].map((word) => word.toLowerCase());
  if (words.some((word) => word === 'vinyl' || word === 'lp' || word === 'lathe cut' || /^(7|10|12)"$/.test(word) || /^(33|45|78) rpm/.test(word))) return 'vinyl';
  if (words.some((word) => word === 'cd' || word === 'cdr' || word === 'sacd' || word === 'hybrid')) return 'cd';
  if (words.some((word) => word === 'cassette')) return 'cassette';
  if (words.some((word) => word === 'file' || word === 'digital' || word === 'flac' || word === 'mp3')) return 'digital';
  return 'other';
}

/** Parses a user's `--support` value, accepting the original's French spelling too. */
export function parseSupport(value: string): Support | undefined {
  const word = value.trim().toLowerCase();
  if (word === 'vinyle' || word === 'lp') return 'vinyl';
  if (word === 'file') return 'digital';
  return SUPPORTS.find((support) => support === word);
}

const SOUNDTRACK_TITLE = /\s*[([]\s*(original\s+)?(motion picture|film|movie|original)?\s*(soundtrack|score|bande originale)[^)\]]*[)\]]\s*$/i;

/** Stage & Screen / Soundtrack releases, and titles that say they are one. */
export function isSoundtrack(genres: readonly string[], styles: readonly string[], title: string): boolean {
  if (genres.some((genre) => genre.toLowerCase() === 'stage & screen')) return true;
  if (styles.some((style) => /soundtrack|score/i.test(style))) return true;
  return SOUNDTRACK_TITLE.test(title);
}

/** "Heat (Original Motion Picture Soundtrack)" → "Heat"; null when the title does not name the film. */
export function filmTitleOf(title: string): string | null {
  if (!SOUNDTRACK_TITLE.test(title)) return null;
  const film = title.replace(SOUNDTRACK_TITLE, '').trim();
  return film === '' ? null : film;
}

/** "A & B", "A Featuring B": the album artist as the credits read, suffixes removed. */
export function albumArtistName(artists: readonly CreditedArtist[]): string {
  let text = '';
  artists.forEach((artist, index) => {
    text += artist.name;
    if (index < artists.length - 1) text += artist.join === ',' ? ', ' : ` ${artist.join || '&'} `;
  });
  return text.trim();
}

/** Apple Music has no free lookup API: a search link always works (direct ids broke in the original). */
export function appleMusicSearchUrl(artist: string, title: string): string {
  return `https://music.apple.com/search?term=${encodeURIComponent(`${title} ${artist}`)}`;
}
