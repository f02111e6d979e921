import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YearInReview } from '../../src/core/wrapped/model.js';
import { renderWrappedPage, writeWrappedPage } from '../../src/core/wrapped/page/render.js';
import { openWrappedFixture, TOP_ALBUM, TOP_ARTIST, type WrappedFixtureDatabase } from '../support/wrapped-fixture.js';
import { stretchedReport } from '../support/wrapped-reports.js';

// The page from the real computation over a seeded SQLite file: one file that needs nothing else.
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
let dir: string;
let fixture: WrappedFixtureDatabase;
let year: YearInReview;
let empty: YearInReview;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-wrapped-page-'));
  fixture = await openWrappedFixture(join(dir, 'aime.db'));
  year = await fixture.review({ year: 2025 });
  empty = await fixture.review({ year: 2019 });
});

afterAll(async () => {
  await fixture.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every place a page could name another resource. */
function outsideReferences(page: string): string[] {
  return [
    ...page.matchAll(/\b(?:src|href|action|poster|srcset)\s*=\s*"([^"]*)"/gi),
    ...page.matchAll(/url\(([^)]*)\)/gi),
    ...page.matchAll(/@import[^;]*/gi),
  ].map((match) => match[1] ?? match[0]).filter((target) => !target.startsWith('data:image/'));
}

describe('the year-in-review page', () => {
  it('is one file: inline style and SVG, no script, nothing to fetch, covers only as data URIs', () => {
    const page = renderWrappedPage(year, { covers: new Map([[fixture.albumIds[0]!, GIF]]) });
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|<iframe|<object|<embed|@font-face|javascript:/i);
    expect(outsideReferences(page)).toEqual([]);
    // The cover URLs of the report are for whoever fetches bytes; the page never links them.
    expect(page).not.toContain('coverartarchive.example');
    expect(page).not.toContain('img.discogs.example');
    expect(page).toContain(`src="data:image/gif;base64,${GIF.toString('base64')}"`);
    expect(page).toContain(`default-src 'none'; img-src data:; style-src 'unsafe-inline'`);
    expect(page).toMatch(/<svg class="curve"/);
    expect(page).toMatch(/<svg class="heat"/);
    expect(page).toContain('@media (prefers-color-scheme: dark)');
    expect(page).toContain('@media print');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('shows every section with the figures of the report', () => {
    const page = renderWrappedPage(year);
    for (const heading of ['Album of the year', 'Top artists', 'Top tracks', 'Top albums', 'Month by month', 'When you listen', 'Sessions and streaks', 'Discoveries', 'The collection', 'Spins and streams']) {
      expect(page).toContain(`<h2>${heading}</h2>`);
    }
    expect(page).toContain('<h1>Your 2025 in music</h1>');
    expect(page).toContain('Played from start to end <b>2 times</b> — 8 listens in all.');
    expect(page).toContain('<b>5 records</b> joined the collection; 3 of them were played since.');
    expect(page).toContain('<b>5 spins</b> of vinyl, CD or cassette and 15 streamed or scrobbled listens: 25% by hand.');
    expect(page).toContain('Longest session: <b>30 minutes</b>, 7 listens (2025-02-14 21:00 → 21:30).');
    expect(page).toContain('<b>1</b> of the artists became regulars (heard on 4 or more different days).');
  });

  it('escapes every name: <, & and quotes stay text', () => {
    const page = renderWrappedPage(year);
    expect(page).toContain('Zoë &amp; &quot;The &lt;Tags&gt;&quot;');
    expect(page).toContain('Night &amp; Day &lt;Live&gt;');
    expect(page).not.toContain(TOP_ARTIST);
    expect(page).not.toContain(TOP_ALBUM);
    const stretched = renderWrappedPage(stretchedReport());
    expect(stretched).not.toMatch(/<script|<Live>/);
    expect(stretched).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('gives an empty year a friendly page, never NaN, undefined or Infinity', () => {
    const page = renderWrappedPage(empty);
    expect(page).toContain('Nothing heard in 2019 yet');
    expect(page).toContain('aime import lastfm');
    expect(page.replace(/<style>[\s\S]*<\/style>/, '')).not.toMatch(/NaN|undefined|Infinity|null/);
    expect(outsideReferences(page)).toEqual([]);
  });

  it('is written atomically: the whole page under its name, no temporary file left', () => {
    const path = join(dir, 'out', 'wrapped-2025.html');
    writeWrappedPage(path, year);
    writeWrappedPage(path, year, { generatedAt: '2026-02-01 12:00' });
    expect(readFileSync(path, 'utf8')).toBe(renderWrappedPage(year, { generatedAt: '2026-02-01 12:00' }));
    expect(readdirSync(join(dir, 'out'))).toEqual(['wrapped-2025.html']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
