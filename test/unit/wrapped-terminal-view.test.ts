import { describe, expect, it } from 'vitest';
import { wrappedView, wrapText } from '../../src/cli/wrapped-view.js';
import { emptyReport, stretchedReport } from '../support/wrapped-reports.js';

const tooWide = (lines: string[]) => lines.filter((line) => line.length > 80);

describe('aime wrapped in a terminal', () => {
  it('keeps every line within 80 columns, whatever the names and numbers', () => {
    const lines = wrappedView(stretchedReport());
    expect(tooWide(lines)).toEqual([]);
    expect(lines.length).toBeGreaterThan(80);
  });

  it('reads without colour: no escape codes, the figures and charts in plain text', () => {
    const text = wrappedView(stretchedReport()).join('\n');
    expect(text).not.toMatch(/\u001b/);
    expect(text).toContain('12,345,678 listens · 987,654.3 hours · 731 active days · 16,888.7 a day');
    for (const title of ['Album of the year', 'Top artists', 'Top albums', 'Top tracks', 'Month by month', 'When you listen', 'Sessions and streaks', 'Discoveries', 'The collection', 'Spins and streams']) {
      expect(text).toContain(`\n${title}\n`);
    }
    // The same heat cells and bars as aime stats.
    expect(text).toMatch(/\n {2}Wed [·░▒▓█]{48}\n/);
    expect(text).toMatch(/\n {2}Jan 2024 +400,000 █+/);
    expect(text).toContain('peak hour 23:00–00:00 · busiest weekday Wednesday');
    // Prose wraps over several lines at 80 columns.
    const prose = text.replace(/\n {2}/g, ' ');
    expect(prose).toContain('2,345,678 spins of vinyl, CD or cassette · 10,000,000 streamed or scrobbled · 19% by hand');
    expect(prose).toContain('longest session 2025-06-21 08:00 → 2025-06-22 07:59: 1,439 minutes, 345 listens');
    expect(prose).toContain('1,234 records bought, 1,000 played since');
    expect(prose).toContain('3,456 became regulars (heard on 4+ days)');
  });

  it('wraps the AI paragraph at words and cuts a word longer than a line', () => {
    const lines = wrapText(`short words ${'y'.repeat(100)} end`);
    expect(lines).toEqual(['  short words', `  ${'y'.repeat(77)}…`, `  ${'y'.repeat(23)} end`]);
  });

  it('says kindly that an empty year has nothing yet, without NaN or undefined', () => {
    const lines = wrappedView(emptyReport(2019));
    const text = lines.join('\n');
    expect(tooWide(lines)).toEqual([]);
    expect(lines[0]).toBe('Your 2019 in music 2019-01-01 → 2019-12-31');
    expect(text).toContain('No listens in this period.');
    expect(text).toContain('aime import lastfm');
    expect(text).not.toMatch(/NaN|undefined|Infinity|null/);
  });

  it('still shows the records bought in a year without listens', () => {
    const report = { ...emptyReport(2019), collection: { mostPlayed: null, bought: 1, boughtPlayed: 0, boughtRecords: [{ albumId: 1, title: 'Kind of Blue', artist: 'Miles Davis', support: 'vinyl', coverUrl: null, addedOn: '2019-05-01', plays: 0 }] } };
    const text = wrappedView(report).join('\n');
    expect(text).toContain('1 record bought, 0 played since');
    expect(text).toContain('Kind of Blue — Miles Davis');
  });
});
