// Frictions a newcomer hit in `aime config`: an unset shell variable piped in blanked a
// secret, `scheduler.jobs` took any shape, and `config list` showed empty defaults for the
// keys whose default depends on the machine. Each is checked with the daemon down (the file
// directly) and up (through the socket).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, useTestHomes } from '../support/daemon.js';

const { home, daemon } = useTestHomes(afterEach);

function stored(dir: string): Record<string, Record<string, unknown>> {
  const file = join(dir, 'config.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

function oneLine(text: string): string[] {
  return text.trim().split('\n');
}

describe('aime config set', () => {
  it('refuses an empty secret, from stdin or typed, and says how to remove one', async () => {
    const dir = home();
    for (const up of [false, true]) {
      if (up) await daemon(dir);
      const piped = await runCli(dir, ['config', 'set', 'lastfm.apiKey', '-'], { input: '' });
      expect(piped.code).toBe(2);
      expect(oneLine(piped.stderr)).toHaveLength(1);
      expect(piped.stderr).toContain('aime config unset lastfm.apiKey');
      expect(piped.stderr).not.toContain('****');
      const typed = await runCli(dir, ['config', 'set', 'ai.apiKey', '  ']);
      expect(typed.code).toBe(2);
      expect(typed.stderr).toMatch(/ai\.apiKey: an empty secret is not stored \(to remove it: aime config unset ai\.apiKey\)/);
      expect(stored(dir).lastfm?.apiKey).toBeUndefined();
      expect(stored(dir).ai?.apiKey).toBeUndefined();
    }
    const real = await runCli(dir, ['config', 'set', 'lastfm.apiKey', '-'], { input: 'abc123\n' });
    expect(real.code).toBe(0);
    expect(stored(dir).lastfm?.apiKey).toBe('abc123');
  });

  it('checks every scheduler.jobs entry and names the bad field', async () => {
    const dir = home();
    const cases: [unknown, RegExp][] = [
      [{ 'markdown-export': { cron: 42, enabled: 'yes' } }, /entry "markdown-export": cron must be a string, got 42/],
      [{ 'markdown-export': { cron: '0 7 * * *', enabled: 'yes' } }, /entry "markdown-export": enabled must be true or false, got "yes"/],
      [{ 'markdown-export': { cron: '61 7 * * *' } }, /the minute field "61" is not valid/],
      [{ 'markdown-export': { cron: 'every day' } }, /cron must have 5 fields/],
      [{ 'markdown-exports': { enabled: false } }, /unknown job "markdown-exports"/],
      [{ 'json-export': { cron: '0 7 * * *', when: 'now' } }, /entry "json-export": unknown field "when" \(allowed: cron, enabled\)/],
    ];
    for (const up of [false, true]) {
      if (up) await daemon(dir);
      for (const [value, message] of cases) {
        const result = await runCli(dir, ['config', 'set', 'scheduler.jobs', JSON.stringify(value)]);
        expect(result.code, JSON.stringify(value)).toBe(2);
        expect(result.stderr).toMatch(message);
        expect(oneLine(result.stderr)).toHaveLength(1);
      }
      expect(stored(dir).scheduler?.jobs).toBeUndefined();
    }
    const good = { 'markdown-export': { cron: '0 7 * * 1-5', enabled: true }, 'weekly-haiku': { cron: '0 0 20 * * SUN' }, enrich: { enabled: false } };
    expect((await runCli(dir, ['config', 'set', 'scheduler.jobs', JSON.stringify(good)])).code).toBe(0);
    expect(stored(dir).scheduler?.jobs).toEqual(good);
  });

  it('refuses a time zone the runtime does not know, with the daemon down and up, and AIME_TIMEZONE alike', async () => {
    const dir = home();
    // An override in the environment is read (and refused) by the process it is given to.
    const fromEnvironment = await runCli(dir, ['config', 'get', 'timezone'], { env: { AIME_TIMEZONE: 'Europe/Parris' } });
    expect([fromEnvironment.code, fromEnvironment.stderr]).toEqual([2, expect.stringContaining('AIME_TIMEZONE: timezone must be an IANA time zone')]);
    for (const up of [false, true]) {
      if (up) await daemon(dir);
      for (const zone of ['Europe/Zürich', 'CET+1', 'Mars/Olympus_Mons']) {
        const result = await runCli(dir, ['config', 'set', 'timezone', zone]);
        expect([result.code, oneLine(result.stderr)], zone).toEqual([2, [expect.stringContaining(`"${zone}" is not one`)]]);
      }
      expect(stored(dir).timezone).toBeUndefined();
    }
    expect((await runCli(dir, ['config', 'set', 'timezone', 'Asia/Kolkata'])).code).toBe(0);
  });

  it('refuses a config.json whose scheduler.jobs is wrong, at daemon start and in the CLI', async () => {
    const dir = home();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ scheduler: { jobs: { 'markdown-export': { cron: 42, enabled: 'yes' } } } }));
    for (const args of [['daemon'], ['config', 'list']]) {
      const result = await runCli(dir, args);
      expect(result.code).toBe(2);
      expect(oneLine(result.stderr)).toHaveLength(1);
      expect(result.stderr).toContain(`${join(dir, 'config.json')}: invalid setting: scheduler.jobs entry "markdown-export": cron must be a string, got 42`);
    }
  });
});

describe('aime config list', () => {
  it('shows the machine-dependent defaults, marked as such', async () => {
    const dir = home();
    const env = { TZ: 'America/Chicago' };
    for (const up of [false, true]) {
      if (up) await daemon(dir, env);
      const text = await runCli(dir, ['config', 'list'], { env });
      expect(text.stdout).toMatch(/^timezone\s+America\/Chicago \(system time zone\)\s+default\s+AIME_TIMEZONE$/m);
      expect(text.stdout).toContain(`${join(dir, 'output')} (output folder)`);
      const json = JSON.parse((await runCli(dir, ['config', 'list', '--json'], { env })).stdout) as { entries: { key: string; value: unknown; source: string }[] };
      expect(json.entries.find((entry) => entry.key === 'timezone')).toMatchObject({ value: 'America/Chicago', source: 'default' });
      expect(json.entries.find((entry) => entry.key === 'scheduler.outputDir')).toMatchObject({ value: join(dir, 'output'), source: 'default' });
    }
    const set = await runCli(dir, ['config', 'set', 'timezone', 'Europe/Zurich']);
    expect(set.code).toBe(0);
    expect((await runCli(dir, ['config', 'list'], { env })).stdout).toMatch(/^timezone\s+Europe\/Zurich\s+file\s/m);
  });
});
