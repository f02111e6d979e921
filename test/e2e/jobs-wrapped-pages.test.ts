// The wrapped-yearly and wrapped-monthly jobs through `aime jobs run`: each writes its page
// into scheduler.outputDir under its period's name, records the run in job_runs, replaces
// its period's page on a second run, rotates its own kind only, and writes the page without
// a paragraph (instead of failing) when the AI is not configured.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthRange, previousMonth } from '../../src/core/time/days.js';
import { MONTH_NAMES } from '../../src/core/time/shown.js';
import { openDatabase } from '../../src/db/data-source.js';
import type { JobRunDto } from '../../src/rpc/methods/jobs.js';
import { promptOf, startFakeAi, type FakeAi } from '../fakes/ai/index.js';
import { startFakeCoverHost } from '../fakes/covers/index.js';
import { runCli, useTestHomes } from '../support/daemon.js';
import { WRAPPED_ZONE } from '../support/wrapped-fixture.js';
import { seedWrappedHome } from '../support/wrapped-home.js';

const bed = useTestHomes(afterAll);
let home: string;
let output: string;
let ai: FakeAi;
const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: WRAPPED_ZONE, year: 'numeric' }).format(new Date()));
const lastMonth = previousMonth(Date.now(), WRAPPED_ZONE);

async function runJob(name: string): Promise<JobRunDto> {
  const result = await runCli(home, ['--json', 'jobs', 'run', name]);
  const run = JSON.parse(result.stdout) as JobRunDto;
  expect([name, result.code, run.error]).toEqual([name, 0, null]);
  return run;
}

const paragraphAsks = () => ai.chatRequests().filter((request) => promptOf(request).includes('year in music')).length;

beforeAll(async () => {
  ai = await bed.fake(startFakeAi());
  const covers = await bed.fake(startFakeCoverHost());
  covers.slowMs = 100;
  home = bed.home({
    timezone: WRAPPED_ZONE,
    ai: { baseUrl: ai.baseUrl, apiKey: ai.apiKey, language: 'en', timeoutSeconds: 10 },
    http: { retries: 0 },
    scheduler: { maxFilesPerType: 2 },
  });
  await seedWrappedHome(home, covers.url);
  // Listens this year (Dawn Chorus on top) and in the month just ended (Echo Valley alone), whatever today is.
  const db = await openDatabase({ path: join(home, 'aime.db') });
  const now = Math.floor(Date.now() / 1000);
  const track = (title: string) => db.sqlite.prepare('SELECT id FROM tracks WHERE title = ?').pluck().get(title) as number;
  const listen = db.sqlite.prepare(`INSERT INTO listening_history (track_id, timestamp, source, loved, created_at) VALUES (?, ?, 'lastfm', 0, ?)`);
  const yearStart = monthRange(`${thisYear}-01`, WRAPPED_ZONE).from;
  for (let i = 1; i <= 3; i++) listen.run(track('Morning'), Math.max(now - i * 600, yearStart + i * 60), now);
  const monthStart = monthRange(lastMonth, WRAPPED_ZONE).from;
  listen.run(track('Canyon'), monthStart + 36 * 3600, now);
  listen.run(track('Canyon'), monthStart + 36 * 3600 + 300, now);
  await db.close();
  output = join(home, 'output');
  mkdirSync(output, { recursive: true });
  for (const old of ['wrapped-2019.html', 'wrapped-2020.html', 'wrapped-2019-12.html', 'wrapped-2020-01.html', 'export-json-20200101-100000.json']) writeFileSync(join(output, old), old);
  await bed.daemon(home);
});

describe('wrapped-yearly', () => {
  it('writes wrapped-<year>.html for the current year so far, records the run, and rotates the yearly pages only', async () => {
    const run = await runJob('wrapped-yearly');
    expect(run).toMatchObject({ job: 'wrapped-yearly', trigger: 'manual', status: 'ok', outputFile: join(output, `wrapped-${thisYear}.html`) });
    expect(run.details).toMatchObject({ from: `${thisYear}-01-01`, paragraph: 'written', model: 'mistral3' });
    expect(run.details.listens).toBeGreaterThanOrEqual(3);
    expect(run.details.covers).toBeGreaterThanOrEqual(1);
    const page = readFileSync(run.outputFile!, 'utf8');
    expect(page).toContain(`<h1>Your ${thisYear} in music</h1>`);
    expect(page).toContain('<span class="accent top-artist">Dawn Chorus</span>');
    expect(page).toContain('Your year, in a few words');
    expect(page).toMatch(/<img class="cover" src="data:image\/png;base64,/);
    expect(page).not.toMatch(/<script|src="http/);
    // Two yearly pages kept (scheduler.maxFilesPerType), the monthly ones and other files untouched.
    expect(readdirSync(output).sort()).toEqual(['export-json-20200101-100000.json', 'wrapped-2019-12.html', 'wrapped-2020-01.html', 'wrapped-2020.html', `wrapped-${thisYear}.html`]);
  });

  it('replaces its period\'s page on a second run, with the stored paragraph', async () => {
    const asked = paragraphAsks();
    const run = await runJob('wrapped-yearly');
    expect(run.details).toMatchObject({ paragraph: 'stored' });
    expect(paragraphAsks()).toBe(asked);
    expect(readdirSync(output).filter((name) => name === `wrapped-${thisYear}.html`)).toHaveLength(1);
    expect(readdirSync(output).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const { stdout } = await runCli(home, ['--json', 'jobs', 'history', '--job', 'wrapped-yearly']);
    const runs = (JSON.parse(stdout) as { runs: JobRunDto[] }).runs;
    expect(runs.map((entry) => [entry.status, entry.outputFile])).toEqual([['ok', run.outputFile], ['ok', run.outputFile]]);
  });
});

describe('wrapped-monthly', () => {
  it('writes wrapped-<year>-<month>.html for the month just ended and rotates the monthly pages only', async () => {
    const run = await runJob('wrapped-monthly');
    expect(run).toMatchObject({ status: 'ok', outputFile: join(output, `wrapped-${lastMonth}.html`) });
    expect(run.details).toMatchObject({ from: `${lastMonth}-01`, listens: 2 });
    const page = readFileSync(run.outputFile!, 'utf8');
    expect(page).toContain(`<h1>Your ${MONTH_NAMES[Number(lastMonth.slice(5)) - 1]} ${lastMonth.slice(0, 4)} in music</h1>`);
    expect(page).toContain('<span class="accent top-artist">Echo Valley</span>');
    expect(existsSync(join(output, 'wrapped-2019-12.html'))).toBe(false);
    expect(readdirSync(output).filter((name) => /^wrapped-\d{4}-\d{2}\.html$/.test(name)).sort()).toEqual(['wrapped-2020-01.html', `wrapped-${lastMonth}.html`]);
    expect(existsSync(join(output, `wrapped-${thisYear}.html`))).toBe(true);
  });

  it('writes the page without a paragraph when the AI is not configured, instead of failing', async () => {
    expect((await runCli(home, ['config', 'unset', 'ai.apiKey'])).code).toBe(0);
    const run = await runJob('wrapped-monthly');
    expect(run.status).toBe('ok');
    expect(run.details).toMatchObject({ paragraph: 'not-configured', model: null });
    expect(readFileSync(run.outputFile!, 'utf8')).not.toContain('Your year, in a few words');
  });
});
