import { spawn } from 'node:child_process';
import { startFakeRoonCore } from '../test/fakes/roon-core/index.js';
import { AIME_BIN, makeHome, removeHome, runCli, startDaemon, testEnv } from '../test/support/daemon.js';
import { median, round, type Benchmark } from './types.js';

const CHANGES = 100;

/** A zone change at the (fake) Roon Core → the line `aime now --plain` prints for it. */
export const roonBenchmark: Benchmark = {
  group: 'roon',
  async run() {
    const core = await startFakeRoonCore({ pingIntervalMs: 0 });
    const home = makeHome({ roon: { host: core.host, port: core.port } });
    const daemon = await startDaemon(home);
    const watcher = spawn(process.execPath, [AIME_BIN, 'now', '--plain', '--zone', 'Living Room'], { env: testEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const paired = await runCli(home, ['roon', 'pair', '--timeout', '10']);
      if (paired.code !== 0) throw new Error(`aime roon pair failed: ${paired.stderr}`);
      let waiting: { text: string; resolve: () => void } | undefined;
      let buffer = '';
      watcher.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        if (waiting && lines.some((line) => line.includes(waiting?.text ?? '\u0000'))) waiting.resolve();
      });
      const printed = (text: string) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`aime now printed no line with "${text}" within 5 s`)), 5000);
          waiting = { text, resolve: () => (clearTimeout(timer), resolve()) };
        });
      const change = async (i: number) => {
        const title = `Bench Track ${i}`;
        const seen = printed(title);
        const started = process.hrtime.bigint();
        core.setNowPlaying('1601living', { title, artist: 'The Benchmarks', album: 'Latency', length: 200 });
        await seen;
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      await change(-1);
      const times: number[] = [];
      for (let i = 0; i < CHANGES; i++) times.push(await change(i));
      const value = median(times);
      return [
        {
          name: 'zone-change-to-now-line-ms',
          value: round(value),
          unit: 'ms',
          target: `< 100 (median of ${CHANGES})`,
          ok: value < 100,
          details: { min: round(Math.min(...times)), max: round(Math.max(...times)), p95: round([...times].sort((a, b) => a - b)[Math.floor(CHANGES * 0.95)] ?? 0) },
        },
      ];
    } finally {
      watcher.kill('SIGTERM');
      await daemon.stop();
      await core.stop();
      removeHome(home);
    }
  },
};
