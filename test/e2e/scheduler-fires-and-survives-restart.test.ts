// The scheduler fires jobs on their cron (a short test schedule through scheduler.jobs),
// never runs two of one job at once, keeps its state across a daemon restart, and runs
// once a job whose scheduled time passed while it was down (the catch-up rule).
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, runMigrations } from '../../src/db/data-source.js';
import type { JobDto, JobRunDto } from '../../src/rpc/methods/jobs.js';
import { seedCollection } from '../support/collection-seed.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const OTHERS_OFF = Object.fromEntries(
  ['enrich', 'discogs-sync', 'album-haiku', 'markdown-export', 'json-export', 'weekly-haiku', 'monthly-report', 'ai-descriptions', 'wrapped-yearly', 'wrapped-monthly'].map((name) => [name, { enabled: false }]),
);
const bed = useTestHomes(afterEach);

async function homeWith(jobs: Record<string, unknown>, prepare?: (sqlite: import('better-sqlite3').Database) => void, config: Record<string, unknown> = {}): Promise<string> {
  const home = bed.home({ timezone: 'Europe/Zurich', scheduler: { jobs: { ...OTHERS_OFF, ...jobs } }, ...config });
  const db = await openDatabase({ path: join(home, 'aime.db') });
  await runMigrations(db);
  seedCollection(db, 6, { listens: 10 });
  prepare?.(db.sqlite);
  await db.close();
  return home;
}

async function history(home: string, job: string): Promise<JobRunDto[]> {
  const { stdout, stderr } = await runCli(home, ['--json', 'jobs', 'history', '--job', job, '--limit', '100']);
  const { runs } = JSON.parse(stdout) as { runs?: JobRunDto[] };
  if (!runs) throw new Error(`aime jobs history failed: ${stderr}`);
  return runs;
}

it('fires a job on its cron, never two runs of it at once, goes on when another job fails, and keeps going after a restart', async () => {
  // Every second, while one run takes about as long: Bree must skip the ticks that find it busy.
  // The weekly haiku fires as often, against an AI server that is not there.
  const home = await homeWith(
    { 'markdown-export': { cron: '* * * * * *', enabled: true }, 'weekly-haiku': { cron: '* * * * * *', enabled: true } },
    undefined,
    { ai: { baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'unreachable', timeoutSeconds: 2 }, http: { retries: 0 } },
  );
  const daemon = await bed.daemon(home);
  expect((await runCli(home, ['service', 'start', 'scheduler'])).code).toBe(0);
  const list = JSON.parse((await runCli(home, ['--json', 'jobs', 'list'])).stdout) as { jobs: JobDto[]; schedulerRunning: boolean };
  expect(list.schedulerRunning).toBe(true);
  const job = list.jobs.find((candidate) => candidate.name === 'markdown-export')!;
  expect(job).toMatchObject({ cron: '* * * * * *', scheduled: true, timezone: 'Europe/Zurich' });
  expect(Date.parse(job.nextRunAt!) - Date.now()).toBeLessThanOrEqual(1500);
  expect(list.jobs.find((candidate) => candidate.name === 'json-export')).toMatchObject({ enabled: false, scheduled: false, nextRunAt: null });

  const fired = await eventually(async () => {
    const runs = (await history(home, 'markdown-export')).filter((run) => run.trigger === 'schedule' && run.status === 'ok');
    return runs.length >= 3 && runs;
  }, 20_000, 200);
  expect(fired.every((run) => run.outputFile?.includes('/output/export-markdown-'))).toBe(true);
  const failures = await eventually(async () => {
    const runs = (await history(home, 'weekly-haiku')).filter((run) => run.trigger === 'schedule' && run.status === 'error');
    return runs.length >= 2 && runs;
  }, 20_000, 200);
  expect(failures.every((run) => run.outputFile === null && (run.error ?? '').length > 0)).toBe(true);

  const before = await history(home, 'markdown-export');
  await daemon.stop();
  const restarted = await bed.daemon(home);
  expect(restarted.log()).toContain('daemon ready');
  const services = JSON.parse((await runCli(home, ['--json', 'service', 'list'])).stdout) as { services: { name: string; active: boolean; running: boolean }[] };
  expect(services.services.find((service) => service.name === 'scheduler')).toMatchObject({ active: true, running: true });
  const after = await eventually(async () => {
    const runs = await history(home, 'markdown-export');
    return runs.filter((run) => run.trigger === 'schedule' && run.status === 'ok').length > before.filter((run) => run.status === 'ok').length && runs;
  }, 20_000, 200);
  // The history survived, and a run cut short by the stop is closed, not left "running".
  expect(after.map((run) => run.id)).toEqual(expect.arrayContaining(before.map((run) => run.id)));
  await runCli(home, ['service', 'stop', 'scheduler']);
  const settled = await eventually(async () => {
    const runs = await history(home, 'markdown-export');
    return runs.every((run) => run.status !== 'running') && runs;
  }, 10_000, 200);
  const ordered = [...settled].sort((a, b) => a.id - b.id);
  for (let i = 1; i < ordered.length; i++) {
    expect(Date.parse(ordered[i]!.startedAt)).toBeGreaterThanOrEqual(Date.parse(ordered[i - 1]!.finishedAt!));
  }
}, 60_000);

it('runs once, at start, a job whose scheduled time passed while the daemon was down', async () => {
  const threeDaysAgo = Date.now() - 3 * 86_400_000;
  const home = await homeWith({ 'markdown-export': { enabled: true } }, (sqlite) => {
    sqlite.prepare(`INSERT INTO sync_state (key, value, updated_at) VALUES ('scheduler.since', ?, 0)`).run(JSON.stringify(threeDaysAgo));
    sqlite.prepare(`INSERT INTO service_states (service_name, is_active, last_updated) VALUES ('scheduler', 1, 0)`).run();
  });
  const first = await bed.daemon(home);
  const runs = await eventually(async () => {
    const found = await history(home, 'markdown-export');
    return found.some((run) => run.status === 'ok') && found;
  }, 15_000, 200);
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ trigger: 'catch-up', status: 'ok' });
  expect(await history(home, 'json-export')).toEqual([]);

  // Caught up: the next start has nothing to catch up.
  await first.stop();
  await bed.daemon(home);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(await history(home, 'markdown-export')).toHaveLength(1);
}, 60_000);

it('re-arms the jobs when the schedule changes through aime config set', async () => {
  const home = await homeWith({});
  await bed.daemon(home);
  expect((await runCli(home, ['service', 'start', 'scheduler'])).code).toBe(0);
  const jobs = JSON.stringify({ ...OTHERS_OFF, 'json-export': { cron: '* * * * * *' } });
  const set = await runCli(home, ['config', 'set', 'scheduler.jobs', jobs]);
  expect(set.code).toBe(0);
  const runs = await eventually(async () => {
    const found = (await history(home, 'json-export')).filter((run) => run.trigger === 'schedule' && run.status === 'ok');
    return found.length >= 1 && found;
  }, 15_000, 200);
  expect(runs[0]!.outputFile).toMatch(/export-json-\d{8}-\d{6}(-\d+)?\.json$/);
  const list = JSON.parse((await runCli(home, ['--json', 'jobs', 'list'])).stdout) as { jobs: JobDto[] };
  expect(list.jobs.find((job) => job.name === 'json-export')).toMatchObject({ cron: '* * * * * *', scheduled: true });
}, 40_000);
