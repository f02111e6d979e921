import type { AlbumCard } from '../model.js';
import { barSvg } from './charts.js';
import { coverDataUri, type CoverImages } from './covers.js';
import { counted, html } from './text.js';

/** Small HTML pieces the sections share: cards, ranked lists with bars, covers, big figures. */

export function card(title: string, body: string, extraClass = ''): string {
  return `<section class="card${extraClass ? ` ${extraClass}` : ''}"><h2>${html(title)}</h2>${body}</section>`;
}

export interface RankedRow {
  readonly name: string;
  /** A second line under the name (the artist of an album or track). */
  readonly by?: string | null;
  readonly plays: number;
}

/** A numbered list, each row with its count (of `unit`s) and a bar against the first row. */
export function rankedList(rows: readonly RankedRow[], unit = 'play'): string {
  const max = Math.max(0, ...rows.map((row) => row.plays));
  const items = rows.map((row, i) => `<li><span class="rank">${i + 1}</span>`
    + `<span class="name">${html(row.name)}${row.by ? `<span class="by">${html(row.by)}</span>` : ''}</span>`
    + `<span class="plays">${counted(row.plays, unit)}</span>${barSvg(row.plays, max)}</li>`);
  return `<ol class="ranked">${items.join('')}</ol>`;
}

/** The cover as an embedded picture, or a tile with the title's first letter. */
export function cover(album: Pick<AlbumCard, 'title'> & { albumId: number | null }, covers: CoverImages): string {
  const uri = album.albumId === null ? null : coverDataUri(covers.get(album.albumId));
  if (uri) return `<img class="cover" src="${uri}" alt="${html(`Cover of ${album.title}`)}">`;
  const letter = Array.from(album.title.trim())[0]?.toUpperCase() ?? '♪';
  return `<div class="cover cover-none" aria-hidden="true">${html(letter)}</div>`;
}

/** A big number with what it counts. */
export function figure(value: string, label: string): string {
  return `<li class="figure"><b>${value}</b><span>${html(label)}</span></li>`;
}

/** One album in the spotlight: its cover and a few lines about it. */
export function spotlight(album: AlbumCard, lines: readonly string[], covers: CoverImages): string {
  return `<div class="spotlight">${cover(album, covers)}<div><div class="title">${html(album.title)}</div>`
    + `<p class="muted name">${html(album.artist)}</p>${lines.map((line) => `<p>${line}</p>`).join('')}</div></div>`;
}
