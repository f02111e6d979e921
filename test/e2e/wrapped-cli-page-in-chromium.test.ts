// The page as a person gets it: `aime wrapped 2025 --html FILE` through the real daemon and
// CLI (covers fetched by the daemon from a local picture host, an AI paragraph from the fake
// server), then opened from its file:// URL in Debian's headless Chromium at a phone's and a
// desktop's width: no console error, no request beyond the file itself, the top artist in
// view. Screenshots stay in test-artifacts/wrapped/ for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAi } from '../fakes/ai/index.js';
import { startFakeCoverHost } from '../fakes/covers/index.js';
import { runCli, useTestHomes } from '../support/daemon.js';
import { TOP_ARTIST, WRAPPED_ZONE } from '../support/wrapped-fixture.js';
import { seedWrappedHome } from '../support/wrapped-home.js';

const CHROMIUM = '/usr/bin/chromium';
/** Without the background-networking flags Chromium phones home at start-up (and is refused here). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/wrapped/', import.meta.url));

const bed = useTestHomes(afterAll);
let out: string;
let file: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium (.ci/run does it on CI)`);
  const ai = await bed.fake(startFakeAi());
  const covers = await bed.fake(startFakeCoverHost());
  covers.slowMs = 100;
  const home = bed.home({ timezone: WRAPPED_ZONE, ai: { baseUrl: ai.baseUrl, apiKey: ai.apiKey, language: 'en' }, http: { retries: 0 } });
  await seedWrappedHome(home, covers.url);
  await bed.daemon(home);
  out = mkdtempSync(join(tmpdir(), 'aime-wrapped-cli-page-'));
  file = join(out, 'wrapped-2025.html');
  const made = await runCli(home, ['wrapped', '2025', '--html', file]);
  if (made.code !== 0) throw new Error(`aime wrapped --html failed: ${made.stderr}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the page aime wrapped --html writes, in headless Chromium', () => {
  for (const width of [390, 1280]) {
    it(`opens offline at ${width} px: no console error, no request, the top artist in view`, async () => {
      const url = pathToFileURL(file).href;
      const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 800 } });
      const requests: string[] = [];
      const errors: string[] = [];
      try {
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
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        const top = page.locator('.top-artist');
        expect(await top.textContent()).toBe(TOP_ARTIST);
        await expect.poll(() => top.isVisible()).toBe(true);
        const box = await top.boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        // The covers the daemon fetched decode as pictures (64 px squares from the picture host).
        const sizes = await page.locator('img.cover').evaluateAll((imgs) => imgs.map((img) => (img as unknown as { naturalWidth: number }).naturalWidth));
        expect(sizes.length).toBeGreaterThanOrEqual(3);
        expect(sizes.every((size) => size === 64)).toBe(true);
        // The AI's paragraph made it onto the page.
        expect(await page.locator('.paragraph').isVisible()).toBe(true);
        await page.screenshot({ path: join(ARTIFACTS, `wrapped-cli-2025-${width}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    }, 60_000);
  }
});
