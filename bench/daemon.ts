import { spawnSync } from 'node:child_process';
import { AIME_BIN, makeHome, removeHome, startDaemon, testEnv } from '../test/support/daemon.js';
import { median, residentMb, round, type Benchmark } from './types.js';

/** `aime status` as a whole process, and the idle daemon's resident memory. */
export const daemonBenchmark: Benchmark = {
  group: 'daemon',
  async run() {
    const home = makeHome();
    const daemon = await startDaemon(home);
    try {
      const times: number[] = [];
      for (let i = 0; i < 21; i++) {
        const started = process.hrtime.bigint();
        const result = spawnSync(process.execPath, [AIME_BIN, 'status'], { env: testEnv(home), encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`aime status failed: ${result.stderr}`);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      // Idle means settled: V8 gives back start-up garbage (migrations, TypeORM metadata) after
      // a few quiet seconds, so the daemon is sampled for 15 s and the last reading counts.
      const samples: number[] = [];
      for (let second = 0; second < 15; second++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        samples.push(residentMb(daemon.process.pid ?? 0));
      }
      const rssMb = samples.at(-1) ?? Number.NaN;
      const statusMs = median(times);
      return [
        { name: 'status-process-ms', value: round(statusMs), unit: 'ms', target: '< 150 (median of 21)', ok: statusMs < 150, details: { min: round(Math.min(...times)), max: round(Math.max(...times)) } },
        { name: 'idle-daemon-rss-mb', value: round(rssMb), unit: 'MB', target: '< 80 (after 15 s idle)', ok: rssMb < 80, details: { highestWhileSettling: round(Math.max(...samples)) } },
      ];
    } finally {
      await daemon.stop();
      removeHome(home);
    }
  },
};
