// Spotify-like search: `album:`, `artist:`, `year:` (single or range) field filters, quoted or
// not, plus free text. Matching is loose on purpose (half the query words are enough), and
// equally good matches are ordered by popularity, so near-misses can come first.
import type { CatalogueEntry } from './catalogue.js';

export interface ParsedQuery {
  album: string[];
  artist: string[];
  free: string[];
  year?: { from: number; to: number };
}

/** Lowercase, accents removed, punctuation dropped: "Björk's" → ["bjork", "s"]. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
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

/** Share of query words found (0..1), or undefined when the year filter excludes the album. */
export function matchScore(query: ParsedQuery, entry: CatalogueEntry): number | undefined {
  const { album } = entry;
  const year = Number(album.release_date.slice(0, 4));
  if (query.year !== undefined && (year < query.year.from || year > query.year.to)) return undefined;
  const nameWords = new Set(words(album.name));
  const artistWords = new Set(album.artists.flatMap((a) => words(a.name)));
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
