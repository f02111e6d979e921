// The README's configuration table is where people look keys up: every key of the key
// table (src/config/keys.ts) must be there, and nothing the code no longer reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '../../src/config/keys.js';
import { REPO_ROOT } from '../support/daemon.js';

/** The keys named (in backquotes) in the first column of the table under "## Configuration". */
function keysInReadme(): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const table = section.slice(section.indexOf('| key |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  return rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] as string));
}

describe('README configuration table', () => {
  const listed = keysInReadme();

  it('is found and lists keys', () => {
    expect(listed.length).toBeGreaterThan(20);
  });

  it('names every key AIME reads', () => {
    expect(CONFIG_KEYS.map((spec) => spec.key).filter((key) => !listed.includes(key))).toEqual([]);
  });

  it('names no key AIME does not read', () => {
    const known = new Set<string>(CONFIG_KEYS.map((spec) => spec.key));
    expect(listed.filter((key) => !known.has(key))).toEqual([]);
  });
});
