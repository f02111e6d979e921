// GET /health answers from a real write to the real SQLite file (503 while another connection holds
// the write lock), and GET /metrics is valid Prometheus text whose numbers match what happened.
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteJobRuns } from '../../src/db/repositories/jobs.js';
import { call, startListener, submit, type RunningListener } from '../support/http-listener.js';

const running: RunningListener[] = [];
afterEach(async () => {
  for (const listener of running.splice(0)) await listener.close();
});
async function listener() {
  const started = await startListener();
  running.push(started);
  return started;
}

describe('GET /health', () => {
  it('is 200 when the database takes a write, 503 with the reason while it cannot, and 200 again after', async () => {
    const aime = await listener();
    const ok = await call(`${aime.url}/health`);
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ status: 'ok' });
    expect(aime.db.sqlite.prepare('SELECT checked_at FROM health_probe').pluck().get()).toBeGreaterThan(0);

    const other = new BetterSqlite3(aime.dbPath);
    try {
      other.exec('BEGIN IMMEDIATE');
      const locked = await call(`${aime.url}/health`);
      expect(locked.status).toBe(503);
      expect(locked.json.status).toBe('unavailable');
      expect(locked.json.error).toMatch(/does not take writes: database is locked/);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect((await call(`${aime.url}/health`)).status).toBe(200);
    expect((await call(`${aime.url}/health`, { method: 'HEAD' })).status).toBe(200);
  });
});

interface Family {
  help?: string;
  type?: string;
  samples: { labels: Record<string, string>; value: number }[];
}

/** A strict reader of the Prometheus text format: any line it does not recognise fails the test. */
function parsePrometheus(text: string): Map<string, Family> {
  expect(text.endsWith('\n')).toBe(true);
  const families = new Map<string, Family>();
  const family = (name: string) => families.get(name) ?? families.set(name, { samples: [] }).get(name)!;
  const name = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  const labelValue = '"(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
  const sampleLine = new RegExp(`^(${name})(?:\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=${labelValue})(?:,[a-zA-Z_][a-zA-Z0-9_]*=${labelValue})*)?\\})? (\\S+)$`);
  for (const line of text.slice(0, -1).split('\n')) {
    const help = new RegExp(`^# HELP (${name}) (.*)$`).exec(line);
    const type = new RegExp(`^# TYPE (${name}) (counter|gauge|histogram|summary|untyped)$`).exec(line);
    const sample = sampleLine.exec(line);
    if (help) {
      expect(family(help[1]!).help).toBeUndefined();
      family(help[1]!).help = help[2];
    } else if (type) {
      expect(family(type[1]!).samples).toHaveLength(0);
      family(type[1]!).type = type[2];
    } else if (sample) {
      const known = families.get(sample[1]!);
      expect(known?.type, `${sample[1]} sampled before its TYPE`).toBeDefined();
      const labels: Record<string, string> = {};
      for (const match of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
        labels[match[1]!] = match[2]!.replace(/\\(.)/g, (_, escaped: string) => (escaped === 'n' ? '\n' : escaped));
      }
      const value = sample[3] === '+Inf' ? Infinity : sample[3] === '-Inf' ? -Infinity : Number(sample[3]);
      expect(sample[3] === 'NaN' || !Number.isNaN(value), `value of ${line}`).toBe(true);
      known!.samples.push({ labels, value });
    } else {
      throw new Error(`not Prometheus text: ${JSON.stringify(line)}`);
    }
  }
  return families;
}

const valueOf = (families: Map<string, Family>, name: string, labels: Record<string, string> = {}) =>
  families.get(name)?.samples.find((sample) => Object.entries(labels).every(([key, value]) => sample.labels[key] === value))?.value;

describe('GET /metrics', () => {
  it('is Prometheus text: listens by source, requests by route and status, memory, and the hooks the daemon feeds', async () => {
    const aime = await listener();
    const payload = [1, 2, 3].map((index) => ({ listened_at: 1_700_000_000 + index * 300, track_metadata: { artist_name: 'Air', track_name: `Song ${index}` } }));
    expect((await submit(aime, { listen_type: 'import', payload })).status).toBe(200);
    expect((await submit(aime, { listen_type: 'import', payload: [] })).status).toBe(400);
    aime.metrics.trackerPolls.inc({ tracker: 'lastfm', result: 'error' });
    const runs = new SqliteJobRuns(aime.db);
    for (const status of ['ok', 'ok', 'error'] as const) runs.finish(runs.start('markdown-export', 'schedule', Date.now()), { status, finishedAt: Date.now(), durationMs: 5 });
    runs.start('json-export', 'manual', Date.now());
    aime.metrics.forwarding.queued('listenbrainz "main"\n', 17);

    const answer = await call(`${aime.url}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const families = parsePrometheus(answer.text);
    for (const [name, family] of families) {
      expect(family.help, `${name} HELP`).toBeTruthy();
      expect(family.type, `${name} TYPE`).toMatch(/^(counter|gauge)$/);
      if (family.type === 'counter') expect(name.endsWith('_total')).toBe(true);
    }
    expect(valueOf(families, 'aime_listens', { source: 'listenbrainz' })).toBe(3);
    expect(valueOf(families, 'aime_listenbrainz_listens_submitted_total', { listen_type: 'import' })).toBe(3);
    expect(valueOf(families, 'aime_http_requests_total', { route: '/1/submit-listens', status: '200' })).toBe(1);
    expect(valueOf(families, 'aime_http_requests_total', { route: '/1/submit-listens', status: '400' })).toBe(1);
    expect(valueOf(families, 'aime_tracker_polls_total', { tracker: 'lastfm', result: 'error' })).toBe(1);
    expect(valueOf(families, 'aime_job_runs_total', { job: 'markdown-export', result: 'ok' })).toBe(2);
    expect(valueOf(families, 'aime_job_runs_total', { job: 'markdown-export', result: 'error' })).toBe(1);
    // A run still going has no result yet.
    expect(families.get('aime_job_runs_total')?.samples.some((sample) => sample.labels.job === 'json-export')).toBe(false);
    expect(valueOf(families, 'aime_forward_queue_length', { target: 'listenbrainz "main"\n' })).toBe(17);
    expect(valueOf(families, 'process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
    expect(families.has('aime_import_runs_total')).toBe(true);

    const again = parsePrometheus((await call(`${aime.url}/metrics`)).text);
    expect(valueOf(again, 'aime_http_requests_total', { route: '/metrics', status: '200' })).toBe(1);
  });

  it('counts unknown paths under one route name, never the path itself', async () => {
    const aime = await listener();
    expect((await call(`${aime.url}/1/user/aime/secret-${aime.token}`)).status).toBe(404);
    expect((await call(`${aime.url}/1/submit-listens`)).status).toBe(405);
    const text = (await call(`${aime.url}/metrics`)).text;
    expect(text).toContain('aime_http_requests_total{route="unmatched",status="404"} 1');
    expect(text).toContain('aime_http_requests_total{route="/1/submit-listens",status="405"} 1');
    expect(text).not.toContain(aime.token);
  });
});
