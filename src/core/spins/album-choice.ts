import { NotFoundError, UserError } from '../errors.js';
import { nameKey } from '../names.js';
import { artistNamed, titleKey } from '../roon/album-match.js';

/** How a person named an album: its id, or words to match. */
export type AlbumRef = { readonly id: number } | { readonly text: string };

export interface NamedAlbum {
  readonly id: number;
  readonly title: string;
  readonly artist: string;
}

/** "42" is album #42; anything else is "artist - title" (or a title alone) to match. */
export function albumRef(text: string): AlbumRef {
  const trimmed = text.trim();
  if (trimmed === '') throw new UserError('name an album: its id (aime collection search …) or "artist - title"');
  return /^\d+$/.test(trimmed) ? { id: Number(trimmed) } : { text: trimmed };
}

/**
 * The owned album "artist - title" names, with the name matching of `aime roon play-album`:
 * case, accents, "The ", "&"/"and" and edition suffixes ("(Deluxe Edition)", "- 2009
 * Remaster") do not matter; an exact title beats one found only once suffixes are set aside.
 * Every " - " is tried as the split (titles have dashes too), and the whole text as a title
 * alone. None → NotFoundError; several → UserError listing them, so nothing is guessed.
 */
export function albumNamed(albums: readonly NamedAlbum[], text: string): NamedAlbum {
  const readings = splits(text);
  const matching = (loose: boolean) =>
    albums.filter((album) =>
      readings.some((reading) => (reading.artist === null || artistNamed(album.artist, reading.artist)) && sameTitle(album.title, reading.title, loose)),
    );
  const exact = matching(false);
  const found = exact.length ? exact : matching(true);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new NotFoundError(`no album of the collection matches "${text}" (aime collection search …, or give the album id)`);
  const listed = found.slice(0, 10).map((album) => `#${album.id} ${album.artist} - ${album.title}`).join('; ');
  throw new UserError(`"${text}" matches ${found.length} albums: ${listed}${found.length > 10 ? '; …' : ''} — give the album id`, {
    detail: { candidates: found.slice(0, 50).map((album) => ({ id: album.id, artist: album.artist, title: album.title })) },
  });
}

function splits(text: string): { artist: string | null; title: string }[] {
  const readings: { artist: string | null; title: string }[] = [];
  for (let at = text.indexOf(' - '); at >= 0; at = text.indexOf(' - ', at + 1)) {
    const artist = text.slice(0, at).trim();
    const title = text.slice(at + 3).trim();
    if (artist && title) readings.push({ artist, title });
  }
  readings.push({ artist: null, title: text.trim() });
  return readings;
}

function sameTitle(albumTitle: string, typed: string, loose: boolean): boolean {
  return loose ? titleKey(albumTitle) === titleKey(typed) : nameKey(albumTitle) === nameKey(typed);
}
