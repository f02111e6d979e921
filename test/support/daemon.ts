import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect } from 'node:net';

/** The repository root, found from here whether this file runs from test/ or dist/test/. */
export const REPO_ROOT = findRoot(import.meta.dirname);

/** The launcher; tests run the real CLI and the real daemon (npm test builds dist/ first). */
export const AIME_BIN = join(REPO_ROOT, 'bin', 'aime');

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) || existsSync(join(dir, 'tsconfig.build.json')) === false) {
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A temporary AIME_HOME with an optional config.json. */
export function makeHome(config?: Record<string, unknown>): string {
  const home = mkdtempSync(join(tmpdir(), 'aime-test-'));
  if (config) writeFileSync(join(home, 'config.json'), JSON.stringify(config, null, 2), { mode: 0o600 });
  return home;
}

export function removeHome(home: string): void {
  rmSync(home, { recursive: true, force: true });
}

/**
 * Environment for a test daemon/CLI: fast retries, no inherited AIME_* variables, and the
 * key-less MusicBrainz / Cover Art Archive (which the daemon's background enrichment asks
 * about every new album) pointed at a closed local port, so no test reaches the internet.
 * A test that wants them passes its fake's URLs in `extra`.
 */
export function testEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('AIME_')) env[key] = value;
  return { ...env, AIME_HOME: home, AIME_HTTP_RETRY_BASE_MS: '20', NO_COLOR: '1', ...OFFLINE_CATALOGUES, ...extra };
}

const OFFLINE_CATALOGUES = { AIME_MUSICBRAINZ_API_URL: 'http://127.0.0.1:9/ws/2', AIME_COVERART_API_URL: 'http://127.0.0.1:9' };

/** Runs `aime <args>` to completion. */
export function runCli(home: string, args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [AIME_BIN, ...args], { env: testEnv(home, options.env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(options.input ?? '');
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

export function runCliSync(home: string, args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [AIME_BIN, ...args], { env: testEnv(home, env), encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export interface RunningDaemon {
  readonly home: string;
  readonly process: ChildProcess;
  readonly socket: string;
  /** Everything the daemon printed so far (JSON log lines). */
  log(): string;
  /** SIGTERM and wait; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** kill -9, no cleanup at all. */
  kill(): Promise<void>;
}

/** Starts the real daemon on `home` and waits until its socket answers. */
export async function startDaemon(home: string, env: Record<string, string> = {}, timeoutMs = 20_000): Promise<RunningDaemon> {
  const socket = join(home, 'aime.sock');
  const child = spawn(process.execPath, [AIME_BIN, 'daemon'], { env: testEnv(home, env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`daemon exited with ${child.exitCode}:\n${output}`);
    if (output.includes('daemon ready') && (await answers(socket))) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`daemon did not start within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    home,
    process: child,
    socket,
    log: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export function answers(socket: string): Promise<boolean> {
  if (!existsSync(socket)) return Promise.resolve(false);
  return new Promise((resolveAnswer) => {
    const client = connect(socket);
    client.once('connect', () => {
      client.destroy();
      resolveAnswer(true);
    });
    client.once('error', () => resolveAnswer(false));
  });
}

/** Polls `check` until it returns a truthy value or the time runs out. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, stepMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** A local fake server (test/fakes/*): closed with close() or stop(). */
export type FakeServer = { close(): Promise<unknown> | void } | { stop(): Promise<unknown> | void };

/**
 * The one way an end-to-end test sets up: temporary homes, the fakes a daemon talks to, and
 * daemons, all cleaned up by the hook given (afterEach, or afterAll for a daemon shared by a
 * file): daemons killed first (kill -9), then fakes closed, then homes removed.
 *
 *   const bed = useTestHomes(afterAll);
 *   const core = await bed.fake(startFakeRoonCore());
 *   const daemon = await bed.daemon(bed.home({ roon: { host: core.host, port: core.port } }));
 */
export function useTestHomes(cleanupHook: (fn: () => Promise<void>) => void) {
  const homes: string[] = [];
  const daemons: RunningDaemon[] = [];
  const fakes: FakeServer[] = [];
  cleanupHook(async () => {
    for (const daemon of daemons.splice(0)) await daemon.kill();
    for (const fake of fakes.splice(0).reverse()) await ('close' in fake ? fake.close() : fake.stop());
    for (const home of homes.splice(0)) removeHome(home);
  });
  return {
    /** A temporary AIME_HOME with this config.json. */
    home(config?: Record<string, unknown>): string {
      const dir = makeHome(config);
      homes.push(dir);
      return dir;
    },
    /** The real daemon on `home`, started and waited for (again after a stop() to restart it). */
    async daemon(home: string, env: Record<string, string> = {}): Promise<RunningDaemon> {
      const started = await startDaemon(home, env);
      daemons.push(started);
      return started;
    },
    /** A fake server, closed at cleanup after the daemons that use it. */
    async fake<F extends FakeServer>(starting: Promise<F> | F): Promise<F> {
      const fake = await starting;
      fakes.push(fake);
      return fake;
    },
  };
}
