import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { DaemonClient } from '../src/cli/client.js';
import { makeHome, removeHome, startDaemon } from '../test/support/daemon.js';
import { median, residentMb, round, type Benchmark } from './types.js';
import type { AttackPlan } from './socket-attackers.js';

const UNREAD_REQUESTS = 150_000;
const HALF_OPEN_CLIENTS = 300;
const HALF_LINE_BYTES = 1024 * 1024;
const ROUND_TRIPS = 200;

/**
 * Hostile and careless clients against the real daemon: one writes 150,000 requests and
 * never reads an answer, 300 each send an unterminated 1 MiB line (beyond the connection
 * limit some are refused). Meanwhile a well-behaved client times `system.status` round
 * trips, and the daemon's resident memory is sampled every 100 ms.
 */
export const socketBenchmark: Benchmark = {
  group: 'socket',
  async run() {
    const home = makeHome();
    const daemon = await startDaemon(home);
    const pid = daemon.process.pid ?? 0;
    let attackers: Worker | undefined;
    try {
      // The start-up garbage is given back after a few quiet seconds (see bench/daemon.ts).
      await sleep(5000);
      const baseline = residentMb(pid);
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, residentMb(pid))), 100);

      const client = await DaemonClient.connect(daemon.socket);
      // The same round trips with no attack: how much of the slowest is this machine's own noise.
      const quiet = await roundTrips(client, 50);
      const cpuBefore = cpuMs(pid);

      const attack: AttackPlan = { socket: daemon.socket, unreadRequests: UNREAD_REQUESTS, halfOpenClients: HALF_OPEN_CLIENTS, halfLineBytes: HALF_LINE_BYTES };
      const workers = new Worker(new URL('./socket-attackers.js', import.meta.url), { workerData: attack });
      attackers = workers;
      await new Promise((resolve, reject) => workers.once('message', resolve).once('error', reject));

      const times = await roundTrips(client, ROUND_TRIPS);
      await sleep(2000);
      clearInterval(sampler);
      const end = residentMb(pid);
      const daemonCpuMs = cpuMs(pid) - cpuBefore;
      client.close();
      workers.postMessage('stop');
      const { refused } = (await new Promise((resolve) => workers.once('message', resolve))) as { refused: number };

      const growth = peak - baseline;
      const medianMs = median(times);
      const maxMs = Math.max(...times);
      return [
        {
          name: 'rss-growth-mb',
          value: round(growth),
          unit: 'MB',
          target: '< 50 (peak over the idle daemon)',
          ok: growth < 50,
          details: { baselineMb: round(baseline), peakMb: round(peak), endMb: round(end), unreadRequests: UNREAD_REQUESTS, halfOpenClients: HALF_OPEN_CLIENTS, refusedAtLimit: refused, daemonCpuMs },
        },
        { name: 'round-trip-median-ms', value: round(medianMs, 2), unit: 'ms', target: `< 50 (median of ${ROUND_TRIPS} system.status under attack)`, ok: medianMs < 50 },
        { name: 'round-trip-max-ms', value: round(maxMs, 2), unit: 'ms', target: `< 50 (slowest of ${ROUND_TRIPS})`, ok: maxMs < 50, details: { slowest: `round trip ${times.indexOf(maxMs) + 1} of ${ROUND_TRIPS}`, p95Ms: round(percentile(times, 0.95), 2), withoutAttack: { medianMs: round(median(quiet), 2), maxMs: round(Math.max(...quiet), 2) } } },
      ];
    } finally {
      await attackers?.terminate();
      await daemon.stop();
      removeHome(home);
    }
  },
};

async function roundTrips(client: DaemonClient, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await client.call('system.status', {});
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    await sleep(10);
  }
  return times;
}

/** CPU time a process has used (user + system), from /proc/<pid>/stat in clock ticks of 10 ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] as number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
