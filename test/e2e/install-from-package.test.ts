// Install from the README alone: the NAS section's own lines are run here — packed in a copy
// of the checkout, installed with npm into a temporary prefix — and the installed `aime`
// answers on PATH, then runs the daemon the way the systemd unit starts it.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answers, eventually, REPO_ROOT } from '../support/daemon.js';

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ROOT = mkdtempSync(join(tmpdir(), 'aime-install-'));
const CHECKOUT = join(ROOT, 'checkout'); // a copy: prepack empties dist/, which other tests run from
const PREFIX = join(ROOT, 'opt-aime'); // stands for /opt/aime
const PATH_DIR = join(ROOT, 'usr-local-bin'); // stands for /usr/local/bin
const STATE = join(ROOT, 'var-lib-aime'); // StateDirectory
const RUNTIME = join(ROOT, 'run-aime'); // RuntimeDirectory

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

/** The shell block of README's "Running on a NAS with systemd", one command per line. */
function readmeInstallLines(): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Running on a NAS with systemd'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
}

/** A README line as it runs here: no sudo, the system folders replaced by temporary ones. */
function localised(line: string): string {
  return line
    .replace(/^sudo /, '')
    .replaceAll('/opt/aime', PREFIX)
    .replaceAll('/usr/local/bin', PATH_DIR)
    .replaceAll('/run/aime', RUNTIME);
}

/** The environment of every step: npm may use the registry but prefers its cache (filled by `npm ci`). */
function stepEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('AIME_') && !key.startsWith('npm_')) env[key] = value;
  return {
    ...env,
    PATH: `${PATH_DIR}:${process.env.PATH ?? ''}`,
    NO_COLOR: '1',
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

function run(line: string, env: NodeJS.ProcessEnv, cwd = CHECKOUT) {
  const result = spawnSync('sh', ['-c', line], { cwd, env, encoding: 'utf8', timeout: 240_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function expectOk(line: string, result: { code: number; stdout: string; stderr: string }) {
  if (result.code !== 0) throw new Error(`\`${line}\` exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
}

/**
 * better-sqlite3's install script runs (the README allows it) and finds a prebuilt binary,
 * as it would download one from GitHub with internet — here made from this checkout's own
 * build (compiling SQLite again takes minutes on a 2-core CI box). prebuild-install reads
 * `local-prebuilds` from a .prebuild-installrc in any folder above the package.
 */
function provideLocalPrebuild(): void {
  const module = join(REPO_ROOT, 'node_modules', 'better-sqlite3');
  const version = (JSON.parse(readFileSync(join(module, 'package.json'), 'utf8')) as { version: string }).version;
  const stage = join(ROOT, 'prebuild-stage');
  const dir = join(ROOT, 'prebuilds');
  mkdirSync(join(stage, 'build', 'Release'), { recursive: true });
  mkdirSync(dir);
  cpSync(join(module, 'build', 'Release', 'better_sqlite3.node'), join(stage, 'build', 'Release', 'better_sqlite3.node'));
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  expectOk('tar', run(`tar -czf '${join(dir, name)}' -C '${stage}' build`, process.env, ROOT));
  writeFileSync(join(ROOT, '.prebuild-installrc'), `local-prebuilds=${dir}\n`);
}

function copyCheckout(): void {
  const skipped = new Set(['node_modules', 'dist', '.git', '.aime-dev', 'coverage']);
  cpSync(REPO_ROOT, CHECKOUT, {
    recursive: true,
    filter: (source) => !skipped.has(basename(source)) && !source.endsWith('.tgz'),
  });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(CHECKOUT, 'node_modules'));
}

/** `Environment=` of a unit file, with its system folders replaced by the temporary ones. */
function unitEnvironment(unitFile: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(unitFile, 'utf8').split('\n')) {
    const match = /^Environment=([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1] as string] = (match[2] as string).replaceAll('/var/lib/aime', STATE).replaceAll('/run/aime', RUNTIME);
  }
  return env;
}

describe('install from the package, as README says', () => {
  const lines = readmeInstallLines();
  const tarball = `aime-${VERSION}.tgz`;

  it('README pastes a build, an install into /opt/aime, aime on PATH, a service user and the unit', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        'npm ci && npm pack',
        `sudo npm install -g --prefix /opt/aime --allow-scripts=better-sqlite3 ./${tarball}`,
        'sudo ln -sf /opt/aime/bin/aime /usr/local/bin/aime',
        'aime --version',
        'sudo cp /opt/aime/lib/node_modules/aime/systemd/aime.service /etc/systemd/system/',
        'sudo systemctl daemon-reload && sudo systemctl enable --now aime',
      ]),
    );
    expect(lines.some((line) => line.startsWith('sudo useradd --system') && line.endsWith(' aime'))).toBe(true);
  });

  it('packs dist/ and no tests, installs with npm -g into a prefix, and the installed aime runs the daemon', async () => {
    copyCheckout();
    provideLocalPrebuild();
    const env = stepEnv();
    mkdirSync(PATH_DIR);

    // 1. Build once. The copy shares this checkout's node_modules, so `npm ci` is done already.
    const pack = lines.find((line) => line.endsWith('npm pack')) as string;
    expectOk(pack, run(localised(pack).replace('npm ci && ', ''), env));
    const listing = run(`tar -tzf ${tarball}`, env);
    expectOk('tar -tzf', listing);
    const files = listing.stdout.split('\n').filter(Boolean).map((path) => path.replace(/^package\//, ''));
    for (const path of ['bin/aime', 'dist/src/cli/main.js', 'dist/src/jobs/markdown-export.js', 'dist/migrations/index.js',
      'systemd/aime.service', 'systemd/aime-export.service', 'systemd/aime-export.timer', 'config/config.example.json',
      'README.md', 'package.json']) {
      expect(files, path).toContain(path);
    }
    expect(files.filter((path) => /^(test|\.ci|src|bench|dist\/test|dist\/bench)\//.test(path) || path.endsWith('.map'))).toEqual([]);

    // 2. Install into the prefix and put aime on PATH, with the README's own lines.
    const steps = lines.slice(lines.indexOf(pack) + 1, lines.indexOf('aime --version'));
    expect(steps.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual(['sudo npm install', 'sudo ln -sf']);
    for (const step of steps) expectOk(step, run(localised(step), env));
    const version = run('aime --version', env);
    expectOk('aime --version', version);
    expect(version.stdout.trim()).toBe(VERSION);

    // 3. The unit README copies is in the installed package; run what it runs, as it runs it.
    const unitFile = join(PREFIX, 'lib', 'node_modules', 'aime', 'systemd', 'aime.service');
    expect(readFileSync(unitFile, 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'systemd', 'aime.service'), 'utf8'));
    const unitEnv = unitEnvironment(unitFile);
    expect(Object.keys(unitEnv)).toEqual(expect.arrayContaining(['AIME_HOME', 'AIME_SOCKET']));
    mkdirSync(STATE, { mode: 0o700 });
    mkdirSync(RUNTIME, { mode: 0o750 });
    const status = lines.find((line) => / status$/.test(line)) as string;
    expect(status).toBe('sudo aime --socket /run/aime/aime.sock status');

    const down = run(localised(status), env);
    expect(down.code, down.stderr).toBe(3);
    expect(down.stderr).toMatch(/not running/);

    const execStart = /^ExecStart=(.*)$/m.exec(readFileSync(unitFile, 'utf8'))?.[1] as string;
    const [launcher, ...args] = localised(execStart).split(' ');
    const daemon = spawn(launcher as string, args, { env: { ...env, ...unitEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    daemon.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    daemon.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => daemon.on('exit', (code) => resolve(code)));
    try {
      await eventually(() => daemon.exitCode === null && answers(join(RUNTIME, 'aime.sock')), 30_000).catch((error: Error) => {
        throw new Error(`${error.message}\n${log}`);
      });
      const up = run(localised(status), env);
      expect(up.code, up.stderr).toBe(0);
      const json = run(`${localised(status)} --json`, env);
      expectOk('status --json', json);
      const report = JSON.parse(json.stdout) as { version: string; db: { path: string } };
      expect(report.version).toBe(VERSION);
      expect(report.db.path).toBe(join(STATE, 'aime.db'));
    } finally {
      daemon.kill('SIGTERM');
      await exited;
    }
  }, 300_000);
});
