/**
 * Models do not count: they overshoot a character range, write a 40-word "35 words", number
 * a haiku's lines. These pure functions bring an answer to the size AIME promised.
 */
import { UnrecoverableError } from '../errors.js';

const SENTENCE_END = /[.!?…](?:["»”')\]]*)(?=\s|$)/g;

/** Paragraph breaks kept, other runs of white space made single spaces. */
function tidy(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * At most `max` characters, cut after the last whole sentence that fits; a text with no
 * sentence end in the last quarter is cut at a word and ends with "…".
 */
export function cutAtSentence(text: string, max: number): string {
  const clean = tidy(text);
  if (clean.length <= max) return clean;
  let cut = 0;
  for (const match of clean.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    if (end > max) break;
    cut = end;
  }
  if (cut >= max * 0.75) return clean.slice(0, cut).trim();
  const space = clean.lastIndexOf(' ', max - 1);
  return `${clean.slice(0, space > 0 ? space : max - 1).replace(/[\s,;:]+$/, '')}…`;
}

/** At most `count` words, ending at a sentence when one ends late enough. */
export function limitWords(text: string, count: number): string {
  const clean = tidy(text).replace(/\n\n/g, ' ');
  const words = clean.split(' ');
  if (words.length <= count) return clean;
  const kept = words.slice(0, count).join(' ');
  let cut = 0;
  for (const match of kept.matchAll(SENTENCE_END)) cut = (match.index ?? 0) + match[0].length;
  if (cut >= kept.length * 0.6) return kept.slice(0, cut);
  return `${kept.replace(/[\s,;:.]+$/, '')}…`;
}

/** The three lines of a haiku, without numbering, bullets, quotes or a title line. */
export function haikuLines(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:\d+[.)]|[-*•>])\s*/, '').replace(/^[*_"«“]+|[*_"»”]+$/g, '').trim())
    .filter((line) => line.length > 0 && !/^#/.test(line) && !/^ha[iï]ku\b.*:$/i.test(line));
  if (lines.length < 3) throw new UnrecoverableError(`the AI did not answer with a haiku (got ${lines.length} line${lines.length === 1 ? '' : 's'})`);
  return lines.slice(0, 3).join('\n');
}

/** Prose must have some substance; an empty answer is a failure, not a text to store. */
export function requireProse(text: string, what: string): string {
  const clean = text.trim();
  if (clean.length < 20) throw new UnrecoverableError(`the AI answered no usable ${what}`);
  return clean;
}
