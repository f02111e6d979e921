// SPEC §5: with --json, stdout holds one JSON document, errors included, and bad usage exits 2,
// also when commander itself rejects the command line (unknown option or command, a command
// group without its subcommand), whether the daemon runs or not.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, useTestHomes } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);

const USAGE_ERRORS: [string[], RegExp][] = [
  [['history', '--pagesize', '3', '--json'], /unknown option '--pagesize'/],
  [['--json', 'nosuchcommand'], /unknown command 'nosuchcommand'/],
  [['playlist', '--json'], /subcommand/],
];

describe('bad usage with --json', () => {
  it('prints one JSON error on stdout, one line on stderr, no stack, and exits 2', async () => {
    const dir = home();
    await daemon(dir);
    for (const [args, message] of USAGE_ERRORS) {
      const result = await runCli(dir, args);
      expect(result.code, args.join(' ')).toBe(2);
      const document = JSON.parse(result.stdout) as { error: { kind: string; message: string; exitCode: number } };
      expect(document.error).toMatchObject({ kind: 'user', exitCode: 2 });
      expect(document.error.message).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('keeps stdout empty without --json, and help, version and `aime help` still exit 0', async () => {
    const dir = home();
    const unknown = await runCli(dir, ['history', '--pagesize', '3']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain("unknown option '--pagesize'");
    expect((await runCli(dir, ['playlist'])).code).toBe(2);
    for (const args of [['--help'], ['playlist', '--help'], ['help', 'playlist'], ['--version'], ['--json', '--version']]) {
      expect((await runCli(dir, args)).code, args.join(' ')).toBe(0);
    }
  });
});

describe('a reader that stops early', () => {
  it('ends quietly when stdout is closed (aime config list | head -1)', async () => {
    const dir = home();
    const { spawnSync } = await import('node:child_process');
    const { AIME_BIN, testEnv } = await import('../support/daemon.js');
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${AIME_BIN}" config list | head -c 10 >/dev/null`], { env: testEnv(dir), encoding: 'utf8' });
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(result.status).toBe(0);
  });
});
