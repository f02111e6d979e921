import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WHOLE_FILE_BYTES } from '../src/cli/import-files/export-records.js';
import { walkExports } from '../src/cli/import-files/walk-exports.js';
import { generateSpotifyHistory } from './generate-spotify.js';
import { round, type Benchmark, type BenchResult } from './types.js';

/**
 * Issue 14's reading half: the walker and readers alone (no socket, no database) over a
 * generated Spotify download of 1,000,000 streams in 70 files of about 12 MB, and one file
 * over 64 MiB, which takes the streaming path. Each measurement runs in its
 * own process, so its peak RSS is the reader's and not the generator's.
 */
export const fileReadersBenchmark: Benchmark = {
  group: 'file-readers',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'aime-bench-spotify-'));
    try {
      const generated = generateSpotifyHistory({ dir, records: 1_000_000, files: 70, seed: 14 });
      const whole = await measureInChild(generated.paths, {});
      // One file over the whole-file limit, read with the walker's defaults: it must be streamed.
      const big = generateSpotifyHistory({ dir: join(dir, 'big'), records: 100_000, files: 1, seed: 15 });
      if (big.bytes <= WHOLE_FILE_BYTES) throw new Error(`the big file is only ${big.bytes} bytes`);
      const streamed = await measureInChild(big.paths, {});
      const exact = whole.records === 1_000_000 && whole.plays === generated.listens && whole.failedFiles === 0;
      const details = { files: generated.paths.length, megabytes: round(generated.bytes / 1e6), listens: whole.plays, seconds: round(whole.seconds, 2), recordsPerCpuSecond: Math.round(whole.perCpuSecond) };
      return [
        { name: 'spotify-1m-records-per-second', value: Math.round(whole.perSecond), unit: 'records/s', target: '>= 150,000 (1,000,000 streams in 70 files, every listen found)', ok: whole.perSecond >= 150_000 && exact, details },
        { name: 'spotify-1m-peak-rss-mb', value: round(whole.peakRssMb), unit: 'MB', target: '< 250', ok: whole.peakRssMb < 250, details: { files: generated.paths.length } },
        streamedResult(streamed),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function streamedResult(streamed: Measurement): BenchResult {
  // The streaming path reads a file twice (syntax first, records second): its speed is shown, its memory is the bar.
  return { name: 'streamed-peak-rss-mb', value: round(streamed.peakRssMb), unit: 'MB', target: '< 250 (one 80 MB file, over the whole-file limit)', ok: streamed.peakRssMb < 250 && streamed.records === 100_000, details: { recordsPerSecond: Math.round(streamed.perSecond), recordsPerCpuSecond: Math.round(streamed.perCpuSecond), records: streamed.records } };
}

interface Measurement {
  readonly records: number;
  readonly plays: number;
  readonly failedFiles: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Records per second of the process's own CPU time: what a core of its own would give. */
  readonly perCpuSecond: number;
  readonly peakRssMb: number;
}

function measureInChild(paths: readonly string[], options: { wholeFileBytes?: number }): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--measure', JSON.stringify({ paths, ...options })], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(output) as Measurement) : reject(new Error(`file-readers measurement exited ${code}`))));
  });
}

async function measure(paths: readonly string[], wholeFileBytes?: number): Promise<Measurement> {
  let records = 0;
  let plays = 0;
  let failedFiles = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for await (const event of walkExports(paths, { wholeFileBytes, batchSize: 2000 })) {
    if (event.type === 'file-done') {
      records += event.tally.records;
      plays += event.tally.plays;
    } else if (event.type === 'file-failed') failedFiles++;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { records, plays, failedFiles, seconds, perSecond: records / seconds, perCpuSecond: records / cpuSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

if (process.argv[2] === '--measure' && process.argv[1] === fileURLToPath(import.meta.url)) {
  const { paths, wholeFileBytes } = JSON.parse(process.argv[3] ?? '{}') as { paths: string[]; wholeFileBytes?: number };
  process.stdout.write(JSON.stringify(await measure(paths, wholeFileBytes)));
}
