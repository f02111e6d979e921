// Model answers brought to what AIME promised: habits removed (<think>, fences, preambles),
// sizes kept (a description cut at a sentence, 35 words, three haiku lines), months in the
// listener's time zone.
import { describe, expect, it } from 'vitest';
import { parseJsonAnswer } from '../../src/core/ai/json-answer.js';
import { monthRange, previousMonth } from '../../src/core/time/days.js';
import { cleanTrackIds } from '../../src/core/ai/playlist-selection.js';
import { cutAtSentence, haikuLines, limitWords } from '../../src/core/ai/shape.js';
import { cleanAnswer, ThinkingFilter } from '../../src/integrations/ai/answer.js';
import { SseDecoder } from '../../src/integrations/ai/sse.js';

describe('model habits', () => {
  it('removes think blocks (even one cut short) and a fence around the whole answer', () => {
    expect(cleanAnswer('<think>\nplan\n</think>\n\n```json\n{"a": 1}\n```')).toBe('{"a": 1}');
    expect(cleanAnswer('Le disque tourne.<think>and then')).toBe('Le disque tourne.');
    expect(cleanAnswer('Un texte avec `code` au milieu.')).toBe('Un texte avec `code` au milieu.');
  });

  it('hides think blocks from a stream even when a tag is split between pieces', () => {
    const filter = new ThinkingFilter();
    const pieces = ['<thi', 'nk>secret plan</th', 'ink>\n\nLe ', 'sillon <', 'b>murmure</b>'];
    const shown = pieces.map((piece) => filter.push(piece)).join('') + filter.end();
    expect(shown).toBe('Le sillon <b>murmure</b>');
  });

  it('finds JSON after a preamble, inside a fence, or with a trailing comma', () => {
    expect(parseJsonAnswer('Voici le JSON demandé : {"ids": [3, 4],}')).toEqual({ ids: [3, 4] });
    expect(parseJsonAnswer('Sure!\n```json\n[1, 2]\n```\nEnjoy.')).toEqual([1, 2]);
    expect(parseJsonAnswer('no json here')).toBeUndefined();
  });

  it('decodes server-sent events split anywhere, skipping comments', () => {
    const decoder = new SseDecoder();
    expect(decoder.push(': keep-alive\n\ndata: {"a"')).toEqual([]);
    expect(decoder.push(':1}\r\n\r\ndata: [DONE]\n\n')).toEqual(['{"a":1}', '[DONE]']);
  });
});

describe('sizes', () => {
  const sentence = (i: number) => `Phrase numéro ${i} qui parle du disque avec assez de mots pour compter.`;
  const long = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');

  it('cuts a description after the last whole sentence within 2,000 characters', () => {
    const cut = cutAtSentence(long, 2000);
    expect(cut.length).toBeLessThanOrEqual(2000);
    expect(cut.length).toBeGreaterThan(1900);
    expect(cut.endsWith('compter.')).toBe(true);
    expect(cutAtSentence('Court. Texte.', 2000)).toBe('Court. Texte.');
    expect(cutAtSentence(`${'mot '.repeat(600)}`, 2000)).toMatch(/mot…$/);
  });

  it('keeps at most 35 words, ending at a sentence when one ends late enough', () => {
    const text = limitWords(long, 35);
    expect(text.split(' ').length).toBeLessThanOrEqual(35);
    expect(text.endsWith('.')).toBe(true);
    expect(limitWords('un deux trois', 35)).toBe('un deux trois');
  });

  it('takes the three lines of a haiku without numbering or title, and refuses fewer', () => {
    expect(haikuLines('Haïku :\n1. le sillon murmure\n2. la pluie sur la vitre\n3. un refrain revient\n')).toBe('le sillon murmure\nla pluie sur la vitre\nun refrain revient');
    expect(() => haikuLines('une seule ligne')).toThrow('the AI did not answer with a haiku (got 1 line)');
  });

  it('keeps candidate ids only, each once, at most max', () => {
    expect(cleanTrackIds([5, '6', 5, 99, 'x', 7, 8], new Set([5, 6, 7, 8]), 3)).toEqual({ trackIds: [5, 6, 7], unknown: 2, duplicates: 1 });
  });
});

describe('months in the listener time zone', () => {
  it('starts and ends at local midnight, across a DST change', () => {
    expect(monthRange('2026-10', 'Europe/Zurich')).toEqual({ from: Date.UTC(2026, 8, 30, 22) / 1000, to: Date.UTC(2026, 9, 31, 23) / 1000 });
    expect(monthRange('2026-12', 'UTC')).toEqual({ from: Date.UTC(2026, 11, 1) / 1000, to: Date.UTC(2027, 0, 1) / 1000 });
    expect(() => monthRange('2026-13', 'UTC')).toThrow('month must look like 2026-10');
    expect(previousMonth(Date.UTC(2027, 0, 15), 'UTC')).toBe('2026-12');
    expect(previousMonth(Date.UTC(2026, 10, 30, 23, 30), 'Europe/Zurich')).toBe('2026-11');
  });
});
