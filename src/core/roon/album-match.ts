/**
 * Finding what the user named among Roon's browse rows, whatever the spelling: case,
 * accents, "The ", "&"/"and" (names.ts), and edition suffixes such as "(Deluxe Edition)"
 * or "- 2009 Remaster" that Roon shows and people do not type.
 */
import { nameKey } from '../names.js';

const EDITION = /\s*(?:[([]\s*[^)\]]*\b(?:deluxe|remaster(?:ed)?|expanded|anniversary|edition|bonus|mono|stereo)\b[^)\]]*[)\]]|-\s*(?:\d{4}\s+)?(?:remaster(?:ed)?|deluxe|mono|stereo)\b.*)\s*$/i;

/** "Back to Black (Deluxe Edition)" → "Back to Black"; "Help! - 2009 Remaster" → "Help!". */
export function withoutEdition(title: string): string {
  let text = title.trim();
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(EDITION, '').trim();
  }
  return text || title.trim();
}

/** Roon's browse markup "[[123|Björk]]" → "Björk". */
export function plainBrowseText(text: string | null | undefined): string {
  return (text ?? '').replace(/\[\[[^|\]]*\|([^\]]*)\]\]/g, '$1');
}

/** Album views number their tracks: "1. Come Together" → "Come Together". */
export function withoutTrackNumber(title: string): string {
  return title.replace(/^\d+\.\s+/, '');
}

export function titleKey(title: string): string {
  return nameKey(withoutEdition(title));
}

/** Search texts to try, most precise first; duplicates removed. */
export function searchTexts(artist: string, title: string): string[] {
  const swapAnd = (text: string) => (text.includes('&') ? text.replace(/\s*&\s*/g, ' and ') : text.replace(/\s+and\s+/gi, ' & '));
  const noThe = (text: string) => text.replace(/^the\s+/i, '');
  const bare = withoutEdition(title);
  const texts = [
    `${artist} ${title}`,
    `${noThe(artist)} ${bare}`,
    `${swapAnd(noThe(artist))} ${swapAnd(bare)}`,
    bare,
    swapAnd(bare),
    title,
  ];
  return [...new Set(texts.map((t) => t.trim()).filter(Boolean))];
}

/** Whether a credit ("Simon & Garfunkel", "Daft Punk") names the artist asked for, whatever the spelling. */
export function artistNamed(credit: string, artist: string): boolean {
  const wanted = nameKey(artist);
  const key = nameKey(credit);
  return key === wanted || key.split(' and ').includes(wanted) || (wanted !== '' && key.includes(wanted));
}

export interface BrowseRow {
  readonly title: string;
  readonly subtitle?: string | null;
}

/**
 * The row whose title and artist (its subtitle) name what was asked; an exact title beats a
 * match found only once edition suffixes are set aside.
 */
export function bestRow<R extends BrowseRow>(rows: readonly R[], artist: string, title: string): R | undefined {
  const artistMatches = (row: R) => artistNamed(plainBrowseText(row.subtitle), artist);
  const exact = nameKey(title);
  const loose = titleKey(title);
  const rowTitle = (row: R) => withoutTrackNumber(plainBrowseText(row.title));
  return (
    rows.find((row) => artistMatches(row) && nameKey(rowTitle(row)) === exact) ??
    rows.find((row) => artistMatches(row) && titleKey(rowTitle(row)) === loose)
  );
}
