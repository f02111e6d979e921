// Every job run through `aime jobs run` leaves its file (for the file jobs) and a job_runs
// row; rotation keeps exactly the newest 5 files of a type; a job failing because the AI
// is down is recorded as an error and the daemon goes on running the others.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations } from '../../src/db/data-source.js';
import type { JobRunDto } from '../../src/rpc/methods/jobs.js';
import { startFakeAi, type FakeAi } from '../fakes/ai/index.js';
import { seedCollection } from '../support/collection-seed.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterAll);

let home: string;
let ai: FakeAi;

async function runJob(name: string): Promise<{ code: number; run: JobRunDto }> {
  const result = await runCli(home, ['--json', 'jobs', 'run', name]);
  return { code: result.code, run: JSON.parse(result.stdout) as JobRunDto };
}

beforeAll(async () => {
  ai = await bed.fake(startFakeAi());
  home = bed.home({
    timezone: 'Europe/Zurich',
    ai: { baseUrl: ai.baseUrl, apiKey: ai.apiKey, language: 'en', timeoutSeconds: 5 },
    http: { retries: 1 },
    scheduler: { maxFilesPerType: 5 },
  });
  const db = await openDatabase({ path: join(home, 'aime.db') });
  await runMigrations(db);
  // 800 hourly listens reach back into the previous month, so the monthly report has a month to tell.
  seedCollection(db, 12, { listens: 800 });
  await db.close();
  await bed.daemon(home);
});

describe('file jobs', () => {
  it.each([
    ['markdown-export', /^export-markdown-\d{8}-\d{6}\.md$/, '## Contents'],
    ['json-export', /^export-json-\d{8}-\d{6}\.json$/, '"schema": "aime.collection/1"'],
    ['album-haiku', /^album-haiku-\d{8}-\d{6}\.md$/, '# Album Haïku'],
    ['weekly-haiku', /^weekly-haiku-\d{8}-\d{6}\.md$/, '## Top artists'],
    ['monthly-report', /^monthly-report-\d{8}-\d{6}\.md$/, '## Review'],
  ])('%s writes its file into scheduler.outputDir and records the run', async (job, fileName, marker) => {
    const { code, run } = await runJob(job);
    expect(run.error).toBeNull();
    expect(code).toBe(0);
    expect(run).toMatchObject({ job, trigger: 'manual', status: 'ok' });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(run.outputFile && join(home, 'output', basename(run.outputFile))).toBe(run.outputFile);
    expect(basename(run.outputFile!)).toMatch(fileName);
    expect(readFileSync(run.outputFile!, 'utf8')).toContain(marker);
    const history = await runCli(home, ['--json', 'jobs', 'history', '--job', job]);
    expect((JSON.parse(history.stdout) as { runs: JobRunDto[] }).runs[0]).toMatchObject({ id: run.id, status: 'ok', outputFile: run.outputFile });
  });

  it('the deck presents five albums of the collection with their covers', async () => {
    const { run } = await runJob('album-haiku');
    const deck = readFileSync(run.outputFile!, 'utf8');
    expect(deck.match(/^#### Record \d{5}/gm)).toHaveLength(5);
    expect(deck.match(/<img src='https:\/\/coverartarchive\.org\//g)).toHaveLength(5);
  });

  it('ai-descriptions describes the most played albums without a description', async () => {
    const { code, run } = await runJob('ai-descriptions');
    expect(code).toBe(0);
    expect(run.status).toBe('ok');
    expect(run.details.described).toBeGreaterThan(0);
    expect(run.outputFile).toBeNull();
  });
});

it('rotation keeps exactly the newest 5 files of a type', async () => {
  const written: string[] = [];
  for (let i = 0; i < 7; i++) written.push((await runJob('json-export')).run.outputFile!);
  const files = readdirSync(join(home, 'output')).filter((name) => name.startsWith('export-json-')).sort();
  expect(files).toHaveLength(5);
  expect(files).toEqual(written.slice(-5).map((file) => basename(file)).sort());
  expect(readdirSync(join(home, 'output')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  expect(existsSync(written[0]!)).toBe(false);
});

it('never starts a second run of a job that is still running', async () => {
  ai.latencyMs = 3000;
  try {
    const first = runJob('weekly-haiku');
    await eventually(async () => {
      const { stdout } = await runCli(home, ['--json', 'jobs', 'list']);
      return (JSON.parse(stdout) as { jobs: { name: string; running: boolean }[] }).jobs.find((job) => job.name === 'weekly-haiku')?.running;
    }, 10_000, 50);
    const second = await runCli(home, ['jobs', 'run', 'weekly-haiku']);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/already running/);
    expect((await first).run.status).toBe('ok');
  } finally {
    ai.latencyMs = 0;
  }
});

it('a job failing because the AI is down is recorded as an error, and the other jobs go on', async () => {
  ai.down = true;
  try {
    const failed = await runJob('weekly-haiku');
    expect(failed.code).toBe(1);
    expect(failed.run).toMatchObject({ job: 'weekly-haiku', status: 'error', outputFile: null });
    expect(failed.run.error).toBeTruthy();
  } finally {
    ai.down = false;
  }
  const next = await runJob('markdown-export');
  expect(next.run.status).toBe('ok');
  const { stdout } = await runCli(home, ['--json', 'jobs', 'list']);
  const weekly = (JSON.parse(stdout) as { jobs: { name: string; lastRun: JobRunDto | null }[] }).jobs.find((job) => job.name === 'weekly-haiku');
  expect(weekly?.lastRun?.status).toBe('error');
  expect((await runCli(home, ['jobs', 'run', 'no-such-job'])).code).toBe(2);
});
