import { collectionBenchmark } from './collection.js';
import { daemonBenchmark } from './daemon.js';
import { playlistsBenchmark } from './playlists.js';
import { exportsBenchmark } from './exports.js';
import { lastfmBenchmark } from './lastfm.js';
import { roonBenchmark } from './roon.js';
import { analyticsBenchmark } from './analytics.js';
import { aliasesBenchmark } from './aliases.js';
import { wrappedBenchmark } from './wrapped.js';
import { listenbrainzBenchmark } from './listenbrainz.js';
import { fileReadersBenchmark } from './file-readers.js';
import { fileImportBenchmark } from './file-import.js';
import { socketBenchmark } from './socket.js';
import { spinsBenchmark } from './spins.js';
import { forwardBenchmark } from './forward.js';
import { durationsBenchmark } from './durations.js';
import type { Benchmark, BenchResult } from './types.js';

/**
 * `npm run bench [group…]`: runs the benchmarks and prints one JSON document on stdout
 * (progress on stderr). Exit code 1 when a target is missed.
 */
const BENCHMARKS: Benchmark[] = [
  daemonBenchmark,
  exportsBenchmark,
  lastfmBenchmark,
  collectionBenchmark,
  roonBenchmark,
  playlistsBenchmark,
  analyticsBenchmark,
  aliasesBenchmark,
  wrappedBenchmark,
  listenbrainzBenchmark,
  fileReadersBenchmark,
  fileImportBenchmark,
  socketBenchmark,
  spinsBenchmark,
  forwardBenchmark,
  durationsBenchmark,
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected = wanted.length ? BENCHMARKS.filter((bench) => wanted.includes(bench.group)) : BENCHMARKS;
  const results: BenchResult[] = [];
  for (const bench of selected) {
    process.stderr.write(`bench: ${bench.group}…\n`);
    const started = Date.now();
    try {
      const measured = await bench.run();
      results.push(...measured.map((result) => ({ ...result, name: `${bench.group}.${result.name}` })));
    } catch (error) {
      // One broken group is reported and the others still run.
      results.push({ name: `${bench.group}.run`, value: Number.NaN, unit: '', target: 'runs', ok: false, details: { error: String(error) } });
    }
    process.stderr.write(`bench: ${bench.group} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const report = { node: process.version, machine: { cpus: (await import('node:os')).cpus().length }, results, ok: results.every((result) => result.ok) };
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  process.exitCode = report.ok ? 0 : 1;
}

await main();
