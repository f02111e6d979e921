// An import stopped half way — the daemon killed with -9, or Ctrl-C in the CLI — is finished
// exactly by running the same command again: every listen stored once, none missing.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSpotifyHistory, type GeneratedSpotify } from '../../bench/generate-spotify.js';
import { AIME_BIN, eventually, runCli, testEnv, useTestHomes, type CliResult } from '../support/daemon.js';

const bed = useTestHomes(afterAll);

let exports: string;
let generated: GeneratedSpotify;
beforeAll(() => {
  exports = join(bed.home(), 'Spotify Extended Streaming History');
  generated = generateSpotifyHistory({ dir: exports, records: 60_000, files: 6, seed: 41 });
});

function storedListens(home: string): number {
  const db = new BetterSqlite3(join(home, 'aime.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM listening_history').pluck().get() as number;
  } finally {
    db.close();
  }
}

/** `aime import file` running in the background, its process at hand. */
function startImport(home: string): { pid: number; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [AIME_BIN, 'import', 'file', exports, '--json'], { env: testEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
  return { pid: child.pid as number, done };
}

describe('an interrupted file import', () => {
  it('the daemon killed with -9 half way: the CLI says so (exit 1); the same command again stores exactly the rest', async () => {
    const home = bed.home();
    const daemon = await bed.daemon(home);
    const running = startImport(home);
    const partial = await eventually(() => {
      const count = storedListens(home);
      return count > 0 && count < generated.listens ? count : undefined;
    }, 60_000, 20);
    await daemon.kill();
    const interrupted = await running.done;
    expect(interrupted.code).toBe(1);
    expect(interrupted.stderr).toMatch(/the daemon closed the connection/);
    const stored = storedListens(home);
    expect(stored).toBeGreaterThanOrEqual(partial);
    expect(stored).toBeLessThan(generated.listens);

    await bed.daemon(home);
    const again = await runCli(home, ['import', 'file', exports, '--json']);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout) as { imported: number; duplicates: number; records: number };
    expect(summary).toMatchObject({ records: 60_000, imported: generated.listens - stored, duplicates: stored });
    expect(storedListens(home)).toBe(generated.listens);
  }, 180_000);

  it('Ctrl-C: the batches on their way are stored, the summary says stopped (exit 130); the same command again finishes', async () => {
    const home = bed.home();
    await bed.daemon(home);
    const running = startImport(home);
    await eventually(() => storedListens(home) > 0, 60_000, 20);
    process.kill(running.pid, 'SIGINT');
    const stopped = await running.done;
    expect(stopped.code).toBe(130);
    const summary = JSON.parse(stopped.stdout) as { stopped: boolean; imported: number };
    expect(summary.stopped).toBe(true);
    // What it reports stored is what the database holds: no batch left half written.
    expect(storedListens(home)).toBe(summary.imported);
    expect(summary.imported).toBeLessThan(generated.listens);

    const again = await runCli(home, ['import', 'file', exports, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: generated.listens - summary.imported, stopped: false });
    expect(storedListens(home)).toBe(generated.listens);
  }, 180_000);
});
