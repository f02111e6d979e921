import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AIME_BIN, makeHome, removeHome, startDaemon, testEnv, type RunningDaemon } from '../test/support/daemon.js';
import { generateSpotifyHistory } from './generate-spotify.js';
import { round, type Benchmark, type BenchResult } from './types.js';

/**
 * Issue 14's end-to-end bar: a generated Spotify download of 1,000,000 streams in 70 files
 * imported by the real `aime import file` (reading, socket) into the real daemon (a fresh
 * SQLite file), then the same files again (every play a duplicate). The peak resident memory
 * of both processes is read from the kernel (VmHWM) while they work.
 */
export const fileImportBenchmark: Benchmark = {
  group: 'file-import',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'aime-bench-import-'));
    const home = makeHome();
    let daemon: RunningDaemon | undefined;
    try {
      const generated = generateSpotifyHistory({ dir: join(dir, 'Spotify Extended Streaming History'), records: RECORDS, files: 70, seed: 14 });
      daemon = await startDaemon(home);
      const daemonPid = daemon.process.pid as number;
      const machine = () => ({ loadAverage: loadavg().map((load) => round(load, 1)) });
      const first = await importOnce(home, dir, daemonPid);
      const firstMachine = machine();
      const again = await importOnce(home, dir, daemonPid);
      const exact = first.summary.imported === generated.listens && first.summary.records === RECORDS && first.summary.failed === 0;
      const allDuplicates = again.summary.imported === 0 && again.summary.duplicates === generated.listens;
      const details = (run: Run) => ({ seconds: round(run.seconds, 2), imported: run.summary.imported, duplicates: run.summary.duplicates, skipped: run.summary.skipped, cliPeakRssMb: round(run.cliPeakMb), cliCpuSeconds: round(run.cliCpuSeconds, 1), daemonCpuSeconds: round(run.daemonCpuSeconds, 1), listens: generated.listens, megabytes: round(generated.bytes / 1e6) });
      const results: BenchResult[] = [
        { name: 'spotify-1m-records-per-second', value: Math.round(first.perSecond), unit: 'records/s', target: '>= 50,000 (1,000,000 streams in 70 files, CLI + socket + daemon, every listen stored once)', ok: first.perSecond >= 50_000 && exact, details: { ...details(first), machine: firstMachine } },
        { name: 'spotify-1m-again-records-per-second', value: Math.round(again.perSecond), unit: 'records/s', target: '>= 100,000 (the same files again: nothing added)', ok: again.perSecond >= 100_000 && allDuplicates, details: { ...details(again), machine: machine() } },
        { name: 'cli-peak-rss-mb', value: round(Math.max(first.cliPeakMb, again.cliPeakMb)), unit: 'MB', target: '< 250', ok: Math.max(first.cliPeakMb, again.cliPeakMb) < 250 },
        { name: 'daemon-peak-rss-mb', value: round(peakMb(daemonPid)), unit: 'MB', target: '< 250', ok: peakMb(daemonPid) < 250 },
      ];
      return results;
    } finally {
      await daemon?.stop();
      removeHome(home);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

const RECORDS = 1_000_000;

interface Summary {
  imported: number;
  duplicates: number;
  skipped: number;
  failed: number;
  records: number;
}

interface Run {
  readonly summary: Summary;
  readonly seconds: number;
  readonly perSecond: number;
  readonly cliPeakMb: number;
  /** CPU time each process spent (the CLI's sampled until its last 50 ms): what the work costs whatever the load. */
  readonly cliCpuSeconds: number;
  readonly daemonCpuSeconds: number;
}

/** One `aime import file <dir> --json`, timed from spawn to exit, its peak RSS sampled as it runs. */
function importOnce(home: string, dir: string, daemonPid: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const daemonCpuBefore = cpuSeconds(daemonPid);
    let cliCpu = 0;
    const child = spawn(process.execPath, [AIME_BIN, 'import', 'file', dir, '--json'], { env: testEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let cliPeakMb = 0;
    const sample = setInterval(() => {
      cliPeakMb = Math.max(cliPeakMb, peakMb(child.pid as number));
      cliCpu = Math.max(cliCpu, cpuSeconds(child.pid as number));
    }, 50);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sample);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`aime import file exited ${code}: ${stderr}`));
      const summary = JSON.parse(stdout) as Summary;
      resolve({ summary, seconds, perSecond: summary.records / seconds, cliPeakMb, cliCpuSeconds: cliCpu, daemonCpuSeconds: cpuSeconds(daemonPid) - daemonCpuBefore });
    });
  });
}

/** A process's peak resident memory so far (VmHWM), in MB; 0 once it is gone. */
function peakMb(pid: number): number {
  const path = `/proc/${pid}/status`;
  if (!existsSync(path)) return 0;
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(path, 'utf8'))?.[1] ?? '0') / 1024;
  } catch {
    return 0;
  }
}

/** User + system CPU seconds a process has used (/proc/<pid>/stat, in clock ticks of 1/100 s); 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
