import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/daemon.js';

/** Parses a systemd unit into section → key → values (keys may repeat). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1] as string, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (!current || eq < 0) throw new Error(`not a unit line: ${line}`);
    const key = line.slice(0, eq).trim();
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1).trim()]);
  }
  return sections;
}

describe('systemd/aime.service', () => {
  const unit = parseUnit(readFileSync(join(REPO_ROOT, 'systemd', 'aime.service'), 'utf8'));
  const service = unit.get('Service') ?? new Map<string, string[]>();
  const one = (key: string) => service.get(key)?.at(-1);

  it('runs the daemon as the aime user with its state directory', () => {
    expect(one('User')).toBe('aime');
    expect(one('StateDirectory')).toBe('aime');
    expect(service.get('Environment')?.join(' ')).toMatch(/AIME_HOME=\/var\/lib\/aime/);
    expect(one('ExecStart')).toMatch(/aime daemon$/);
    expect(one('Restart')).toBe('on-failure');
    expect(unit.get('Install')?.get('WantedBy')).toEqual(['multi-user.target']);
  });

  it('is hardened', () => {
    expect(one('NoNewPrivileges')).toBe('true');
    expect(one('ProtectSystem')).toBe('strict');
    expect(one('ProtectHome')).toBe('true');
    expect(one('PrivateTmp')).toBe('true');
    expect(service.get('ReadWritePaths')).toEqual(['/var/lib/aime']);
    expect(one('UMask')).toBe('0077');
  });

  it('stops within the daemon shutdown budget', () => {
    expect(one('KillSignal')).toBe('SIGTERM');
    expect(Number.parseInt(one('TimeoutStopSec') ?? '90', 10)).toBeLessThanOrEqual(10);
  });
});
