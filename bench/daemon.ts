import { spawnSync } from 'node:child_process';
import { AIME_BIN, makeHome, removeHome, startDaemon, testEnv } from '../test/support/daemon.js';
import { median, residentMb, round, type Benchmark } from './types.js';

const RUNS = 21;

/**
 * `aime status` as a whole process against a bare `node -e 0` on the same machine (runs
 * interleaved, so both see the same load), and the idle daemon's resident memory.
 */
export const daemonBenchmark: Benchmark = {
  group: 'daemon',
  async run() {
    const home = makeHome();
    const daemon = await startDaemon(home);
    try {
      const env = testEnv(home);
      const status: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        bare.push(timed(() => spawnSync(process.execPath, ['-e', '0'], { env })));
        status.push(
          timed(() => {
            const result = spawnSync(process.execPath, [AIME_BIN, 'status'], { env, encoding: 'utf8' });
            if (result.status !== 0) throw new Error(`aime status failed: ${result.stderr}`);
          }),
        );
      }
      // Idle means settled: V8 gives back start-up garbage (migrations, TypeORM metadata) after
      // a few quiet seconds, so the daemon is sampled for 15 s and the last reading counts.
      const samples: number[] = [];
      for (let second = 0; second < 15; second++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        samples.push(residentMb(daemon.process.pid ?? 0));
      }
      const rssMb = samples.at(-1) ?? Number.NaN;
      const statusMs = median(status);
      const bareMs = median(bare);
      const ratio = statusMs / bareMs;
      return [
        {
          name: 'status-vs-bare-node',
          value: round(ratio, 2),
          unit: '×',
          target: `≤ 1.5 × node -e 0 (medians of ${RUNS}, interleaved)`,
          ok: ratio <= 1.5,
          details: { statusMs: round(statusMs), bareNodeMs: round(bareMs), statusMin: round(Math.min(...status)), statusMax: round(Math.max(...status)) },
        },
        { name: 'idle-daemon-rss-mb', value: round(rssMb), unit: 'MB', target: '< 80 (after 15 s idle)', ok: rssMb < 80, details: { highestWhileSettling: round(Math.max(...samples)) } },
      ];
    } finally {
      await daemon.stop();
      removeHome(home);
    }
  },
};

function timed(work: () => unknown): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}
