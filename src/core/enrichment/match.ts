import { nameKey } from '../names.js';

/** An album as a catalogue (Spotify, MusicBrainz) returns it from a search. */
export interface AlbumCandidate {
  readonly id: string;
  readonly title: string;
  readonly artists: readonly string[];
  readonly year: number | null;
  /** A studio album, not a single, live record or compilation. */
  readonly primary: boolean;
  readonly url: string;
  readonly coverUrl: string | null;
}

export interface AlbumIdentity {
  readonly title: string;
  readonly artist: string;
  readonly year: number | null;
}

/** Below this, a title or an artist is another one, however high the search ranked it. */
const SAME = 0.85;

const EDITION = /\s*[([][^)\]]*\b(deluxe|remaster(ed)?|edition|anniversary|expanded|legacy|bonus|reissue|version|mono|stereo)\b[^)\]]*[)\]]|\s+-\s+(\d{4}\s+)?(remaster(ed)?|deluxe)[\w\s]*$/gi;

/** The title without edition words: "Nevermind (Deluxe Edition)" → "nevermind". */
function baseTitleKey(title: string): string {
  return nameKey(title.replace(EDITION, ''));
}

function words(key: string): string[] {
  return key.split(' ').filter(Boolean);
}

/** Dice coefficient over words: 1 for the same words, 0 for none in common. */
function overlap(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (!left.length || !right.length) return 0;
  const pool = [...right];
  let common = 0;
  for (const word of left) {
    const at = pool.indexOf(word);
    if (at >= 0) {
      common += 1;
      pool.splice(at, 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}

export function titleSimilarity(wanted: string, found: string): number {
  if (nameKey(wanted) === nameKey(found)) return 1;
  if (baseTitleKey(wanted) === baseTitleKey(found)) return 0.9;
  return overlap(baseTitleKey(wanted), baseTitleKey(found));
}

const VARIOUS = new Set(['various', 'various artists']);

export function artistSimilarity(wanted: string, found: readonly string[]): number {
  const key = nameKey(wanted);
  const keys = found.map(nameKey);
  if (VARIOUS.has(key) && keys.some((k) => VARIOUS.has(k))) return 1;
  if (keys.includes(key) || nameKey(found.join(' & ')) === key) return 1;
  return Math.max(0, overlap(key, nameKey(found.join(' & '))), ...keys.map((k) => overlap(key, k)));
}

/**
 * The candidate that really is this album: same normalised title (editions allowed, a bit
 * lower) and same artist, never just the first hit. Among several, studio albums and the
 * album's own year win. Undefined when none is close enough.
 */
export function pickMatch<C extends AlbumCandidate>(album: AlbumIdentity, candidates: readonly C[]): C | undefined {
  let best: { candidate: C; score: number } | undefined;
  for (const candidate of candidates) {
    const title = titleSimilarity(album.title, candidate.title);
    const artist = artistSimilarity(album.artist, candidate.artists);
    if (title < SAME || artist < SAME) continue;
    const score = title + artist + (candidate.primary ? 0.05 : 0) + (album.year !== null && candidate.year === album.year ? 0.05 : 0);
    if (!best || score > best.score) best = { candidate, score };
  }
  return best?.candidate;
}
