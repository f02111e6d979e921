import { join } from 'node:path';
import { backfillListens } from '../src/core/forwarding/backfill.js';
import { COLLECT_CHUNK, forwardStep } from '../src/core/forwarding/forward-step.js';
import { openDatabase, runMigrations, type Database } from '../src/db/data-source.js';
import { SqliteForwardOutbox } from '../src/db/repositories/outbox.js';
import { HttpClient } from '../src/integrations/http.js';
import { ListenbrainzClient } from '../src/integrations/listenbrainz/client.js';
import { ListenbrainzPacer } from '../src/integrations/listenbrainz/pacer.js';
import { silentLogger } from '../src/log.js';
import { startFakeListenbrainz } from '../test/fakes/listenbrainz/index.js';
import { makeHome, removeHome } from '../test/support/daemon.js';
import { generateListeningDatabase } from './generate-listens.js';
import { median, round, type Benchmark, type BenchResult } from './types.js';

const LISTENS = 1_000_000;
const SENT = 100_000;

/**
 * Forwarding on a 1,000,000-listen database (issue 16): a whole history imported while
 * forwarding is on is taken into the queue in short transactions (the daemon's writer and
 * event loop are never held long), the queue length (the metrics gauge) stays cheap with a
 * million waiting, a backfill of everything is quick, and sending to a local ListenBrainz
 * (which checks every request with the real server's rules) is far faster than the real
 * one lets anyone send (about one request of 1,000 listens a second). Numbers from this
 * group: README, "Forwarding to ListenBrainz".
 */
export const forwardBenchmark: Benchmark = {
  group: 'forward',
  async run() {
    const home = makeHome();
    const path = join(home, 'aime.db');
    try {
      await generateListeningDatabase({ path, listens: LISTENS, seed: 16 });
      const db = await openDatabase({ path });
      await runMigrations(db);
      try {
        const outbox = new SqliteForwardOutbox(db);
        return [collectAll(db, outbox), queueLength(outbox), await sendRate(outbox), await backfillAll(db, outbox)];
      } finally {
        await db.close();
      }
    } finally {
      removeHome(home);
    }
  },
};

/** As if all the listens had just been imported with the token set: the cursor taken back to the start. */
function collectAll(db: Database, outbox: SqliteForwardOutbox): BenchResult {
  const now = Math.floor(Date.now() / 1000);
  outbox.follow(true, now);
  db.sqlite.prepare('UPDATE forward_state SET collected_listen_id = 0').run();
  const chunks: number[] = [];
  let queued = 0;
  const started = performance.now();
  for (let more = true; more; ) {
    const chunkStarted = performance.now();
    const step = outbox.collect(COLLECT_CHUNK, now);
    chunks.push(performance.now() - chunkStarted);
    queued += step.queued;
    more = step.more;
  }
  const seconds = (performance.now() - started) / 1000;
  const p95 = percentile(chunks, 0.95);
  return {
    name: 'collect-transaction-p95-ms',
    value: round(p95, 1),
    unit: 'ms',
    target: `< 100 (${LISTENS.toLocaleString('en-US')} new listens taken ${COLLECT_CHUNK.toLocaleString('en-US')} ids per transaction)`,
    ok: p95 < 100 && queued === LISTENS,
    details: {
      queued,
      transactions: chunks.length,
      medianTransactionMs: round(median(chunks), 1),
      longestTransactionMs: round(Math.max(...chunks), 1),
      totalSeconds: round(seconds, 2),
      listensPerSecond: Math.round(queued / seconds),
    },
  };
}

function queueLength(outbox: SqliteForwardOutbox): BenchResult {
  const times: number[] = [];
  let length = 0;
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    length = outbox.queueLength();
    times.push(performance.now() - started);
  }
  const value = median(times);
  return { name: 'queue-length-ms', value: round(value, 1), unit: 'ms', target: '< 50 (the aime_forward_queue_length gauge, 1,000,000 queued)', ok: value < 50 && length === LISTENS, details: { length } };
}

async function sendRate(outbox: SqliteForwardOutbox): Promise<BenchResult> {
  const target = await startFakeListenbrainz();
  const http = new HttpClient({ userAgent: 'aime/bench', log: silentLogger(), timeoutMs: 20_000, retries: 0, retryBaseMs: 100 });
  const client = new ListenbrainzClient(http, { url: target.url, token: target.token, pacer: new ListenbrainzPacer(() => 0) });
  try {
    let sent = 0;
    let requests = 0;
    const started = performance.now();
    while (sent < SENT) {
      const step = await forwardStep({ outbox, target: client, now: () => Math.floor(Date.now() / 1000), version: 'bench' });
      sent += step.sent;
      requests += step.requests;
    }
    const seconds = (performance.now() - started) / 1000;
    const rate = sent / seconds;
    const exact = target.listens().length === sent && outbox.counts().sent === sent;
    return {
      name: 'send-listens-per-second',
      value: Math.round(rate),
      unit: 'listens/s',
      // ListenBrainz lets a client send about one request a second, so at most ~1,000 listens/s: the sender must never be the slow part.
      target: '≥ 2,000 (twice what ListenBrainz lets anyone send; batches of 1,000 to a local stand-in that checks each request in this process; each listen once)',
      ok: rate >= 2000 && exact,
      details: { sent, requests, seconds: round(seconds, 2), targetHolds: target.listens().length },
    };
  } finally {
    await http.close();
    await target.close();
  }
}

/** `aime forward backfill --since <the first listen>` on the whole history, with nothing queued before. */
async function backfillAll(db: Database, outbox: SqliteForwardOutbox): Promise<BenchResult> {
  db.sqlite.prepare('DELETE FROM forward_outbox').run();
  const turns: number[] = [];
  let last = performance.now();
  const started = last;
  const queued = await backfillListens(outbox, { since: 0, until: Number.MAX_SAFE_INTEGER }, Math.floor(Date.now() / 1000), async () => {
    const now = performance.now();
    turns.push(now - last);
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    name: 'backfill-1m-seconds',
    value: round(seconds, 2),
    unit: 's',
    target: '< 10 (1,000,000 listens queued by one command, in slices that leave the daemon free in between)',
    ok: seconds < 10 && queued === LISTENS,
    details: { queued, slices: turns.length + 1, medianSliceMs: round(median(turns), 1), p95SliceMs: round(percentile(turns, 0.95), 1) },
  };
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}
