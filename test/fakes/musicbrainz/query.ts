// Lucene-ish query handling for the fake MusicBrainz search: `field:value`, `field:"a phrase"`,
// backslash escapes, AND / OR / NOT, `+` / `-` prefixes, parentheses (ignored for grouping).
// Like MusicBrainz, scores are relative: the best hit scores 100 even when it is a poor match.
import { words } from '../discogs/http-kit.js';

export interface Clause {
  field: string | undefined;
  text: string;
  required: boolean;
  prohibited: boolean;
}

export function parseLucene(query: string): Clause[] {
  const clauses: Clause[] = [];
  let i = 0;
  let pendingRequired = false;
  let pendingProhibited = false;
  const readValue = (stop: (c: string) => boolean): string => {
    let out = '';
    while (i < query.length && !stop(query[i]!)) {
      if (query[i] === '\\' && i + 1 < query.length) i += 1;
      out += query[i]!;
      i += 1;
    }
    return out;
  };
  while (i < query.length) {
    const c = query[i]!;
    if (/\s|\(|\)/.test(c)) {
      i += 1;
      continue;
    }
    let required = pendingRequired;
    let prohibited = pendingProhibited;
    if (c === '+' || c === '-' || c === '!') {
      required ||= c === '+';
      prohibited ||= c !== '+';
      i += 1;
    }
    const field = /^([A-Za-z_-]+):/.exec(query.slice(i));
    if (field !== null) i += field[0].length;
    let text: string;
    if (query[i] === '"') {
      i += 1;
      text = readValue((ch) => ch === '"');
      i += 1;
    } else {
      text = readValue((ch) => /\s|\)/.test(ch));
    }
    text = text.replace(/[~^][\d.]*$/, '');
    if (field === null && (text === 'AND' || text === '&&')) {
      const previous = clauses[clauses.length - 1];
      if (previous !== undefined && !previous.prohibited) previous.required = true;
      pendingRequired = true;
      continue;
    }
    if (field === null && (text === 'OR' || text === '||')) continue;
    if (field === null && text === 'NOT') {
      pendingProhibited = true;
      continue;
    }
    pendingRequired = false;
    pendingProhibited = false;
    if (text !== '') clauses.push({ field: field?.[1]?.toLowerCase(), text, required: required && !prohibited, prohibited });
  }
  return clauses;
}

/** Searchable fields of one document; `''` is the default field for unfielded terms. */
export type SearchDoc = Record<string, readonly string[]>;

function clauseScore(clause: Clause, doc: SearchDoc): number {
  const values = doc[clause.field ?? ''] ?? doc[''] ?? [];
  const q = words(clause.text);
  if (q.length === 0) return 0;
  let best = 0;
  for (const value of values) {
    const f = new Set(words(value));
    if (f.size === 0) continue;
    const hit = q.filter((w) => f.has(w)).length;
    best = Math.max(best, (hit / q.length) * (0.7 + 0.3 * (hit / f.size)));
  }
  return best;
}

export interface Scored<T> {
  item: T;
  score: number;
}

/** Hits ordered best first, with MusicBrainz-style 0–100 scores relative to the best hit. */
export function rank<T>(query: string, items: readonly T[], toDoc: (item: T) => SearchDoc): Scored<T>[] {
  const clauses = parseLucene(query);
  const raw: Scored<T>[] = [];
  for (const item of items) {
    const doc = toDoc(item);
    const scores = clauses.map((c) => clauseScore(c, doc));
    if (clauses.some((c, k) => (c.prohibited && scores[k]! > 0) || (c.required && scores[k]! === 0))) continue;
    const counted = scores.filter((_, k) => !clauses[k]!.prohibited);
    const mean = counted.length === 0 ? 0 : counted.reduce((a, b) => a + b, 0) / counted.length;
    if (mean > 0) raw.push({ item, score: mean });
  }
  const top = Math.max(0, ...raw.map((r) => r.score));
  return raw
    .map((r) => ({ item: r.item, score: Math.round((100 * r.score) / top) }))
    .sort((a, b) => b.score - a.score);
}
