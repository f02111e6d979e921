// `aime wrapped` end to end: the real daemon on a home holding the hand-made 2025, the real
// CLI, the fake AI server and a local picture host. The figures are those of `aime stats`
// for the same period; the AI paragraph is stored, or left out without a wait; the page is
// one file with the covers that came in time.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WrappedReport } from '../../src/rpc/methods/wrapped.js';
import { promptOf, startFakeAi, type ChatCompletionRequest, type FakeAi } from '../fakes/ai/index.js';
import { startFakeCoverHost, type FakeCoverHost } from '../fakes/covers/index.js';
import { eventually, runCli, useTestHomes, type CliResult } from '../support/daemon.js';
import { TOP_ARTIST, WRAPPED_ZONE } from '../support/wrapped-fixture.js';
import { seedWrappedHome } from '../support/wrapped-home.js';

const bed = useTestHomes(afterAll);
const YEAR = ['--from', '2025-01-01', '--to', '2025-12-31'];
let home: string;
let ai: FakeAi;
let covers: FakeCoverHost;
let out: string;

type Page = { file: string; bytes: number; covers: number; coversWanted: number };

async function wrapped(args: string[], where = home): Promise<CliResult & { report: WrappedReport & { page?: Page }; ms: number }> {
  const started = Date.now();
  const result = await runCli(where, ['wrapped', '--json', ...args]);
  if (result.code !== 0) throw new Error(`aime wrapped ${args.join(' ')} exited ${result.code}: ${result.stdout}${result.stderr}`);
  return { ...result, report: JSON.parse(result.stdout) as WrappedReport & { page?: Page }, ms: Date.now() - started };
}

async function stats(sub: string[]): Promise<Record<string, unknown>> {
  const result = await runCli(home, ['stats', ...sub, ...YEAR, '--json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

/** The year's paragraph requests (the background describer may ask other things). */
function paragraphAsks(): number {
  return ai.chatRequests().filter((request: ChatCompletionRequest) => promptOf(request).includes('year in music')).length;
}

beforeAll(async () => {
  ai = await bed.fake(startFakeAi());
  covers = await bed.fake(startFakeCoverHost());
  home = bed.home({
    timezone: WRAPPED_ZONE,
    ai: { baseUrl: ai.baseUrl, apiKey: ai.apiKey, language: 'en', timeoutSeconds: 15 },
    wrapped: { aiWaitSeconds: 2 },
    http: { retries: 0 },
  });
  await seedWrappedHome(home, covers.url);
  await bed.daemon(home);
  out = mkdtempSync(join(tmpdir(), 'aime-wrapped-out-'));
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

beforeEach(() => {
  ai.latencyMs = 0;
  covers.slowMs = 300;
});

describe('aime wrapped --json', () => {
  it('gives the numbers aime stats gives for the same period', async () => {
    const { report, stderr } = await wrapped(['2025', '--no-ai']);
    expect(stderr).toBe('');
    const summary = await stats([]);
    expect(report).toMatchObject({
      from: '2025-01-01', to: '2025-12-31', year: 2025, timezone: WRAPPED_ZONE, days: 365,
      listens: 20, hours: 1.5, ai: null, paragraph: { status: 'off', message: null },
    });
    for (const field of ['listens', 'hours', 'dailyAverage', 'artists', 'albums', 'tracks', 'peakHour', 'peakWeekday', 'unknownDurationListens']) {
      expect([field, report[field as keyof WrappedReport]]).toEqual([field, summary[field]]);
    }
    expect(report.topArtists.map(({ name, plays }) => ({ name, plays }))).toEqual(summary.topArtists);
    expect(report.topAlbums.map(({ title, artist, plays }) => ({ title, artist, plays }))).toEqual(summary.topAlbums);
    expect(report.topTracks.map(({ title, artist, album, plays }) => ({ title, artist, album, plays }))).toEqual(summary.topTracks);
    expect(report.topArtists[0]).toMatchObject({ name: TOP_ARTIST, plays: 8 });

    const heatmap = await stats(['heatmap']);
    expect([report.heatmap.cells, report.heatmap.max]).toEqual([heatmap.cells, heatmap.max]);
    const sessions = await stats(['sessions']);
    expect([report.sessions.count, report.sessions.averageMinutes, report.sessions.longest]).toEqual([sessions.sessions, sessions.averageMinutes, sessions.longest]);
    const streaks = await stats(['streaks']);
    expect([report.activeDays, report.longestStreak]).toEqual([streaks.activeDays, streaks.longest]);
    const discovery = await stats(['discovery']);
    expect([report.discovery.newArtists, report.discovery.newAlbums, report.discovery.artists]).toEqual([discovery.newArtists, discovery.newAlbums, discovery.artists]);
    expect(paragraphAsks()).toBe(0);
  });

  it('covers the current year until today by default, and any --from/--to period', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: WRAPPED_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const { report } = await wrapped(['--no-ai']);
    expect(report).toMatchObject({ year: Number(today.slice(0, 4)), from: `${today.slice(0, 4)}-01-01`, to: today });
    const period = await wrapped(['--from', '2025-02-14', '--to', '2025-03-01', '--no-ai']);
    expect(period.report).toMatchObject({ year: null, from: '2025-02-14', to: '2025-03-01', listens: 9 });
  });

  it('refuses bad input with exit 2 and one line', async () => {
    for (const args of [['25'], ['2025', '--from', '2025-01-01'], ['--from', 'soon'], ['2025', '--to', '2025-13-40']]) {
      const result = await runCli(home, ['wrapped', ...args, '--no-ai']);
      expect([args, result.code, result.stdout]).toEqual([args, 2, '']);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    const help = await runCli(home, ['wrapped', '--help']);
    expect(help.stdout).toContain('$ aime wrapped 2025 --html ~/wrapped-2025.html');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('atomically, with your own permissions');
  });
});

describe('the terminal view', () => {
  it('fits 80 columns and reads without colour through the real CLI', async () => {
    const result = await runCli(home, ['wrapped', '2025', '--no-ai']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Your 2025 in music 2025-01-01 → 2025-12-31');
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain(`  top artist ${TOP_ARTIST} (8 plays)`);
    expect(result.stdout).toContain('  20 listens · 1.5 hours · 9 active days · 0.1 a day');
    expect(result.stdout).toMatch(/\nTop artists\n {2}Zoë & "The <Tags>" +8 █+\n/);
  });

  it('is friendly for an empty year, on screen and on the page, with exit 0', async () => {
    const shown = await runCli(home, ['wrapped', '2019', '--no-ai']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('No listens in this period.');
    expect(shown.stdout).toContain('aime import lastfm');
    expect(shown.stdout).not.toMatch(/NaN|undefined|Infinity|null/);
    const file = join(out, 'wrapped-2019.html');
    const { report } = await wrapped(['2019', '--html', file]);
    expect(report).toMatchObject({ listens: 0, paragraph: { status: 'nothing-to-tell' }, page: { file, covers: 0, coversWanted: 0 } });
    const page = readFileSync(file, 'utf8');
    expect(page).toContain('Nothing heard in 2019 yet');
    expect(page.replace(/<style>[\s\S]*<\/style>/, '')).not.toMatch(/NaN|undefined|Infinity|null/);
    expect(paragraphAsks()).toBe(0);
  });
});

describe('the AI paragraph', () => {
  it('is written when the AI is configured, then shown from the store; --force asks again', async () => {
    ai.resetRecords();
    const first = await wrapped(['2025']);
    expect(first.report.paragraph).toEqual({ status: 'written', message: null });
    expect(first.report.ai?.model).toBe('mistral3');
    expect(first.report.ai?.text.length).toBeGreaterThan(20);
    const shown = await runCli(home, ['wrapped', '2025']);
    expect(shown.stdout).toContain('(written by mistral3)');
    expect(shown.stderr).toBe('');
    expect(paragraphAsks()).toBe(1);
    const forced = await wrapped(['2025', '--force']);
    expect(forced.report.paragraph.status).toBe('written');
    expect(paragraphAsks()).toBe(2);
    expect((await wrapped(['2025'])).report.paragraph.status).toBe('stored');
    expect(paragraphAsks()).toBe(2);
  });

  it('is never asked for with --no-ai', async () => {
    ai.resetRecords();
    ai.latencyMs = 10_000;
    const { report, ms } = await wrapped(['--from', '2025-04-01', '--to', '2025-07-31', '--no-ai']);
    expect(report).toMatchObject({ ai: null, paragraph: { status: 'off', message: null } });
    expect(ms).toBeLessThan(9000);
    expect(paragraphAsks()).toBe(0);
  });

  it('that is slow leaves the page written in time without it, says so, and is there on the next run', async () => {
    ai.resetRecords();
    ai.latencyMs = 6000;
    const file = join(out, 'slow-ai.html');
    const started = Date.now();
    const late = await runCli(home, ['wrapped', '--from', '2025-02-01', '--to', '2025-02-28', '--html', file]);
    const took = Date.now() - started;
    expect(late.code).toBe(0);
    // The 2 s wait of wrapped.aiWaitSeconds, not the AI's 6 s.
    expect(took).toBeLessThan(5500);
    expect(late.stdout).toMatch(/^wrote .*slow-ai\.html \(\d+ KB, \d of \d covers\)\n$/);
    expect(late.stderr).toContain('aime: no AI paragraph: the AI did not answer within 2 s (wrapped.aiWaitSeconds); it goes on writing, and the next run shows it');
    const page = readFileSync(file, 'utf8');
    expect(page).toContain('Your February 2025 in music');
    expect(page).not.toContain('Your year, in a few words');
    const next = await eventually(async () => {
      const { report } = await wrapped(['--from', '2025-02-01', '--to', '2025-02-28']);
      return report.paragraph.status === 'stored' && report;
    }, 20_000, 500);
    expect(next.ai?.text.length).toBeGreaterThan(20);
    expect(paragraphAsks()).toBe(1);
  }, 60_000);

  it('still being written does not hold up the daemon when it stops', async () => {
    const slow = await bed.fake(startFakeAi());
    slow.latencyMs = 30_000;
    const other = bed.home({ timezone: WRAPPED_ZONE, ai: { baseUrl: slow.baseUrl, apiKey: slow.apiKey, language: 'en', timeoutSeconds: 60 }, wrapped: { aiWaitSeconds: 1 } });
    await seedWrappedHome(other, covers.url);
    const daemon = await bed.daemon(other);
    expect((await wrapped(['2025'], other)).report.paragraph.status).toBe('late');
    const started = Date.now();
    expect(await daemon.stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(daemon.log()).toMatch(/"service":"wrapped-paragraphs","msg":"service stopped"/);
    expect(daemon.log()).not.toMatch(/paragraph of a year in review failed|shutdown took longer/);
  });

  it('is left out without a wait, and said so, when the AI is not configured', async () => {
    const bare = bed.home({ timezone: WRAPPED_ZONE, wrapped: { aiWaitSeconds: 60 } });
    await seedWrappedHome(bare, covers.url);
    await bed.daemon(bare);
    const started = Date.now();
    const shown = await runCli(bare, ['wrapped', '2025']);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/^aime: no AI paragraph, the AI is not configured: set ai\.baseUrl/);
    expect(shown.stdout).not.toContain('written by');
    const { report } = await wrapped(['2025'], bare);
    expect(report).toMatchObject({ ai: null, paragraph: { status: 'not-configured' } });
    expect((await runCli(bare, ['wrapped', '2025', '--no-ai'])).stderr).toBe('');
  });
});

describe('aime wrapped --html', () => {
  it('writes one self-contained page with the covers that came, with the user\'s permissions', async () => {
    const file = join(out, 'nested', 'wrapped-2025.html');
    const { report } = await wrapped(['2025', '--html', file, '--no-ai']);
    // Night & Day (behind a redirect), First Light (slow, in time), Tape Hiss; Echoes is too large.
    expect(report.page).toEqual({ file, bytes: statSync(file).size, covers: 3, coversWanted: 4 });
    expect(report.listens).toBe(20);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    const page = readFileSync(file, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.match(/<img class="cover" src="data:image\/png;base64,/g)).toHaveLength(5); // top albums 3, album of the year and most played record 1 each
    expect(page).not.toMatch(/<script|<link|@import|@font-face|src="http|href="http|url\(/i);
    expect(page).not.toContain(covers.url);
    expect(page).toContain('Zoë &amp; &quot;The &lt;Tags&gt;&quot;');

    const shown = await runCli(home, ['wrapped', '2025', '--html', file, '--no-ai']);
    expect(shown.stdout).toBe(`wrote ${file} (${Math.round(statSync(file).size / 1024)} KB, 3 of 4 covers)\n`);
    expect(shown.stderr).toBe('');
  });

  it('waits for a picture host that hangs no longer than the covers deadline', async () => {
    covers.slowMs = Number.POSITIVE_INFINITY;
    const file = join(out, 'hanging-host.html');
    const { report, ms } = await wrapped(['2025', '--html', file, '--no-ai']);
    expect(report.page).toMatchObject({ covers: 2, coversWanted: 4 });
    // The 8 s deadline, whatever the host does (the page is otherwise ready in about a second).
    expect(ms).toBeLessThan(16_000);
    expect(readFileSync(file, 'utf8')).toContain(TOP_ARTIST.replace('&', '&amp;').replace(/"/g, '&quot;').replace('<', '&lt;').replace('>', '&gt;'));
  }, 60_000);

  it('names the file that cannot be written, exit 1', async () => {
    writeFileSync(join(out, 'a-file'), '');
    const target = join(out, 'a-file', 'wrapped.html');
    const result = await runCli(home, ['wrapped', '2025', '--html', target, '--no-ai']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`aime: cannot write ${target}: a part of the path is a file, not a folder\n`);
  });
});
