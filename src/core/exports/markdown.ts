import { nameKey } from '../names.js';
import type { CollectionFilter, ExportAlbum } from './model.js';
import { shownDateTime } from '../time/shown.js';

export interface MarkdownOptions {
  readonly filter: CollectionFilter;
  readonly exportedAt: number;
  readonly timezone: string;
}

/**
 * The collection as Markdown: a title, a table of contents of artists, then one section
 * per artist (alphabetical by normalised name) with one block per album (by year, then
 * title). Per-artist exports skip the table of contents: there is one artist.
 */
export function renderCollectionMarkdown(albums: readonly ExportAlbum[], options: MarkdownOptions): string {
  const groups = groupByArtist(albums);
  const slugs = new Slugger();
  const { support, artist } = options.filter;
  const lines: string[] = [];
  const title = artist ? `🎵 ${groups[0]?.name ?? artist}` : '🎵 Collection';
  lines.push(`# ${support ? `${title} — ${support}` : title}`, '');
  slugs.slug(lines[0]!.slice(2));
  lines.push(`**Exported:** ${shownDateTime(options.exportedAt, options.timezone)} (${options.timezone})  `);
  lines.push(`**Total:** ${plural(albums.length, 'album')}${support ? ` on ${support}` : ''}`, '', '---', '');
  if (!artist) {
    lines.push('## Contents', '');
    slugs.slug('Contents');
    const anchors = groups.map((group) => slugs.slug(group.name));
    groups.forEach((group, i) => lines.push(`- [${escapeText(group.name)}](#${anchors[i]}) (${group.albums.length})`));
    lines.push('', '---', '');
    groups.forEach((group) => {
      lines.push(`# ${escapeText(group.name)}`, '', `*${plural(group.albums.length, 'album')}*`, '');
      for (const album of group.albums) lines.push(...albumBlock(album, slugs));
    });
  } else {
    for (const album of groups.flatMap((group) => group.albums)) lines.push(...albumBlock(album, slugs));
  }
  return lines.join('\n');
}

function albumBlock(album: ExportAlbum, slugs: Slugger): string[] {
  slugs.slug(album.title);
  const lines = [`## ${escapeText(album.title)}`, '', `**Artists:** ${album.artists.map(escapeText).join(', ')}`, ''];
  const facts: [string, string | number | null][] = [
    ['Year', album.year],
    ['Labels', album.labels.join(', ') || null],
    ['Support', album.supports.join(', ') || null],
    ['Genres', [...album.genres, ...album.styles].join(', ') || null],
    ['Copies', album.copies.length > 1 ? album.copies.length : null],
    ['Film', album.film?.title ? [album.film.title, album.film.year, album.film.director].filter(Boolean).join(', ') : null],
    ['Discogs ID', album.discogsId],
  ];
  const present = facts.filter(([, value]) => value !== null && value !== '');
  for (const [label, value] of present) lines.push(`- **${label}:** ${escapeText(String(value))}`);
  if (present.length) lines.push('');
  if (album.summary) lines.push(`**Summary:** ${album.summary.trim()}`, '');
  if (album.description) lines.push(`**About:** ${album.description.trim()}`, '');
  const links = [
    album.spotifyUrl ? `[Spotify](${album.spotifyUrl})` : null,
    album.discogsUrl ? `[Discogs](${album.discogsUrl})` : null,
    album.appleMusicUrl ? `[Apple Music](${album.appleMusicUrl})` : null,
  ].filter(Boolean);
  if (links.length) lines.push(`**Links:** ${links.join(' | ')}`, '');
  if (album.coverUrl) lines.push(`![${escapeText(album.title)}](${album.coverUrl})`, '');
  lines.push('---', '');
  return lines;
}

interface ArtistGroup {
  readonly name: string;
  readonly albums: ExportAlbum[];
}

export function groupByArtist(albums: readonly ExportAlbum[]): ArtistGroup[] {
  const groups = new Map<string, { name: string; albums: ExportAlbum[] }>();
  for (const album of albums) {
    const key = nameKey(album.artist);
    const group = groups.get(key) ?? { name: album.artist, albums: [] };
    group.albums.push(album);
    groups.set(key, group);
  }
  // Keys computed once per album: normalising inside the comparator made 5,000 albums slow.
  const titleKeys = new Map(albums.map((album) => [album.id, nameKey(album.title)]));
  const byYearThenTitle = (a: ExportAlbum, b: ExportAlbum) =>
    (a.year ?? 9999) - (b.year ?? 9999) || compareText(titleKeys.get(a.id) ?? '', titleKeys.get(b.id) ?? '') || a.id - b.id;
  const byKey = [...groups.entries()].sort(([a], [b]) => compareText(a, b));
  for (const [, group] of byKey) group.albums.sort(byYearThenTitle);
  return byKey.map(([, group]) => group);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(heading: string): string {
    const base = heading.toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
    const count = this.seen.get(base) ?? 0;
    this.seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  }
}

/** Keeps names like "*NSYNC" or "[Untitled]" from turning into Markdown syntax. */
function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
