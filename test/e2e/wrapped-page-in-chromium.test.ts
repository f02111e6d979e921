// The year-in-review page in a real headless Chromium (Debian's package, driven by
// playwright-core): opened from a file:// URL, it must load without a console error or a
// single network request, show the top artist on a phone and on a desktop, switch to dark,
// print, and keep its screenshots in test-artifacts/wrapped/ for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWrappedPage } from '../../src/core/wrapped/page/render.js';
import { openWrappedFixture, TOP_ARTIST, type WrappedFixtureDatabase } from '../support/wrapped-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
/** Without the background-networking flags Chromium phones home at start-up (and is refused here). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/wrapped/', import.meta.url));
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const WIDTHS = [390, 1280] as const;

let dir: string;
let fixture: WrappedFixtureDatabase | undefined;
let browser: Browser;
const pages = { year: '', empty: '' };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium (.ci/run does it on CI)`);
  dir = mkdtempSync(join(tmpdir(), 'aime-wrapped-chromium-'));
  fixture = await openWrappedFixture(join(dir, 'aime.db'));
  pages.year = join(dir, 'wrapped-2025.html');
  pages.empty = join(dir, 'wrapped-2019.html');
  writeWrappedPage(pages.year, await fixture.review({ year: 2025 }), { covers: new Map([[fixture.albumIds[0]!, GIF]]), generatedAt: '2026-02-01 12:00' });
  writeWrappedPage(pages.empty, await fixture.review({ year: 2019 }));
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await fixture?.db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens a page file at a width; every request but the page itself is refused and recorded, with every console error. */
async function open(path: string, width: number, options: { colorScheme?: 'light' | 'dark' } = {}) {
  const url = pathToFileURL(path).href;
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 800 }, colorScheme: options.colorScheme ?? 'light' });
  const requests: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (request) => {
    if (request.url() !== url && !request.url().startsWith('data:')) requests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, requests, errors };
}

describe('the year-in-review page in headless Chromium', () => {
  for (const width of WIDTHS) {
    it(`loads offline at ${width} px with the top artist visible and nothing fetched`, async () => {
      const { page, context, requests, errors } = await open(pages.year, width);
      try {
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        const top = page.locator('.top-artist');
        expect(await top.textContent()).toBe(TOP_ARTIST);
        expect(await page.evaluate<string>('document.body.innerText')).toContain(TOP_ARTIST);
        await expect.poll(() => top.isVisible()).toBe(true);
        const box = await top.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
        expect(box!.height).toBeGreaterThan(0);
        // Readable means no sideways scrolling: nothing is wider than the screen.
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        // The embedded cover decoded; the others are lettered tiles.
        expect(await page.locator('img.cover').first().evaluate((img) => { const picture = img as unknown as { complete: boolean; naturalWidth: number }; return picture.complete && picture.naturalWidth; })).toBe(1);
        expect(await page.locator('svg.heat rect').count()).toBe(168);
        await page.screenshot({ path: join(ARTIFACTS, `wrapped-2025-${width}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    }, 60_000);
  }

  it('follows a dark system theme and prints', async () => {
    const light = await open(pages.year, 1280);
    const dark = await open(pages.year, 1280, { colorScheme: 'dark' });
    try {
      const background = (page: typeof light.page) => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      expect(await background(light.page)).toBe('rgb(247, 243, 236)');
      expect(await background(dark.page)).toBe('rgb(21, 19, 15)');
      await dark.page.screenshot({ path: join(ARTIFACTS, 'wrapped-2025-1280-dark.png'), fullPage: true });
      await light.page.emulateMedia({ media: 'print' });
      expect(await background(light.page)).toBe('rgb(255, 255, 255)');
      const pdf = await light.page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect([...light.errors, ...dark.errors, ...light.requests, ...dark.requests]).toEqual([]);
    } finally {
      await light.context.close();
      await dark.context.close();
    }
  }, 60_000);

  for (const width of WIDTHS) {
    it(`shows an empty year as a friendly page at ${width} px`, async () => {
      const { page, context, requests, errors } = await open(pages.empty, width);
      try {
        expect([...errors, ...requests]).toEqual([]);
        const text = await page.evaluate<string>('document.body.innerText');
        expect(text).toContain('Nothing heard in 2019 yet');
        expect(text).not.toMatch(/NaN|undefined|Infinity|null/);
        expect(await page.locator('.empty h2').isVisible()).toBe(true);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        await page.screenshot({ path: join(ARTIFACTS, `wrapped-2019-empty-${width}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    }, 60_000);
  }
});
