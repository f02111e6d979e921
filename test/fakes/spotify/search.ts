// Spotify-like search: `album:`, `artist:`, `year:` (single or range) field filters, quoted or
// not, plus free text. Matching is loose on purpose (half the query words are enough), and
// equally good matches are ordered by popularity, so near-misses can come first.
import { words } from '../discogs/http-kit.js';
import type { CatalogueEntry } from './catalogue.js';

export interface ParsedQuery {
  album: string[];
  artist: string[];
  free: string[];
  year?: { from: number; to: number };
}

export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = { album: [], artist: [], free: [] };
  const rest = q.replace(/(\w+):(?:"([^"]*)"|(\S+))/g, (whole, field: string, quoted?: string, bare?: string) => {
    const value = quoted ?? bare ?? '';
    switch (field.toLowerCase()) {
      case 'album':
        parsed.album.push(...words(value));
        return ' ';
      case 'artist':
        parsed.artist.push(...words(value));
        return ' ';
      case 'year': {
        const m = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
        if (m !== null) parsed.year = { from: Number(m[1]), to: Number(m[2] ?? m[1]) };
        return ' ';
      }
      case 'tag':
      case 'upc':
      case 'isrc':
      case 'genre':
      case 'track':
        return ' ';
      default:
        return whole;
    }
  });
  parsed.free.push(...words(rest));
  return parsed;
}

function fractionMatched(queryWords: string[], target: ReadonlySet<string>): { hit: number; total: number } {
  return { hit: queryWords.filter((w) => target.has(w)).length, total: queryWords.length };
}

const wordCache = new WeakMap<CatalogueEntry, { nameWords: Set<string>; artistWords: Set<string> }>();

function entryWords(entry: CatalogueEntry): { nameWords: Set<string>; artistWords: Set<string> } {
  let cached = wordCache.get(entry);
  if (cached === undefined) {
    cached = {
      nameWords: new Set(words(entry.album.name)),
      artistWords: new Set(entry.album.artists.flatMap((a) => words(a.name))),
    };
    wordCache.set(entry, cached);
  }
  return cached;
}

/** Share of query words found (0..1), or undefined when the year filter excludes the album. */
export function matchScore(query: ParsedQuery, entry: CatalogueEntry): number | undefined {
  const year = Number(entry.album.release_date.slice(0, 4));
  if (query.year !== undefined && (year < query.year.from || year > query.year.to)) return undefined;
  const { nameWords, artistWords } = entryWords(entry);
  const parts = [
    fractionMatched(query.album, nameWords),
    fractionMatched(query.artist, artistWords),
    fractionMatched(query.free, new Set([...nameWords, ...artistWords])),
  ];
  const total = parts.reduce((sum, p) => sum + p.total, 0);
  return total === 0 ? 1 : parts.reduce((sum, p) => sum + p.hit, 0) / total;
}

export function searchCatalogue(entries: readonly CatalogueEntry[], q: string): CatalogueEntry[] {
  const query = parseQuery(q);
  return entries
    .map((entry) => ({ entry, score: matchScore(query, entry) }))
    .filter((m): m is { entry: CatalogueEntry; score: number } => m.score !== undefined && m.score >= 0.5)
    .sort((a, b) => b.score - a.score || b.entry.popularity - a.entry.popularity || a.entry.album.name.localeCompare(b.entry.album.name))
    .map((m) => m.entry);
}
