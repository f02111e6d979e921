import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobDefinition } from '../../src/core/jobs/catalogue.js';
import { periodFileName, publishPeriodOutput, rotatePeriodFiles } from '../../src/core/wrapped/files.js';
import { periodName } from '../../src/core/wrapped/period.js';

const YEARLY = jobDefinition('wrapped-yearly').output!;
const MONTHLY = jobDefinition('wrapped-monthly').output!;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aime-wrapped-files-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('year-in-review pages in the output folder', () => {
  it('are named by the period they cover', () => {
    expect(periodFileName({ ...YEARLY, period: 'year' }, '2026')).toBe('wrapped-2026.html');
    expect(periodFileName({ ...MONTHLY, period: 'month' }, '2026-11')).toBe('wrapped-2026-11.html');
    expect(() => periodFileName({ ...MONTHLY, period: 'month' }, '2026')).toThrow(/not a month/);
  });

  it('replace the page of the same period, atomically, leaving no temporary file', () => {
    const place = { dir, keep: 5, timezone: 'Europe/Paris' };
    expect(publishPeriodOutput(place, YEARLY, '2026', 'first')).toBe(join(dir, 'wrapped-2026.html'));
    publishPeriodOutput(place, YEARLY, '2026', 'second');
    expect(readdirSync(dir)).toEqual(['wrapped-2026.html']);
    expect(readFileSync(join(dir, 'wrapped-2026.html'), 'utf8')).toBe('second');
  });

  it('keep the newest periods of each kind: yearly pages never push out monthly ones, nor other files', () => {
    for (const name of ['wrapped-2019.html', 'wrapped-2021.html', 'wrapped-2020.html', 'wrapped-2025-12.html', 'wrapped-2026-01.html', 'wrapped-2026-10.html', 'export-json-20261101-100000.json', 'wrapped-notes.html']) {
      writeFileSync(join(dir, name), name);
    }
    const place = { dir, keep: 2, timezone: 'Europe/Paris' };
    publishPeriodOutput(place, YEARLY, '2022', 'page');
    expect(readdirSync(dir).filter((name) => /^wrapped-\d{4}\.html$/.test(name)).sort()).toEqual(['wrapped-2021.html', 'wrapped-2022.html']);
    publishPeriodOutput(place, MONTHLY, '2026-11', 'page');
    expect(readdirSync(dir).sort()).toEqual([
      'export-json-20261101-100000.json', 'wrapped-2021.html', 'wrapped-2022.html', 'wrapped-2026-10.html', 'wrapped-2026-11.html', 'wrapped-notes.html',
    ]);
    expect(rotatePeriodFiles(join(dir, 'nowhere'), { ...YEARLY, period: 'year' }, 1)).toEqual([]);
  });
});

describe('the name of a period on a page', () => {
  it('is the year, a whole calendar month, or nothing for other periods', () => {
    expect(periodName({ year: 2025, from: '2025-01-01', to: '2025-12-31' })).toBe('2025');
    expect(periodName({ year: 2026, from: '2026-01-01', to: '2026-12-06' })).toBe('2026');
    expect(periodName({ year: null, from: '2026-11-01', to: '2026-11-30' })).toBe('November 2026');
    expect(periodName({ year: null, from: '2024-02-01', to: '2024-02-29' })).toBe('February 2024');
    expect(periodName({ year: null, from: '2025-02-01', to: '2025-02-28' })).toBe('February 2025');
    expect(periodName({ year: null, from: '2026-11-01', to: '2026-11-29' })).toBeNull();
    expect(periodName({ year: null, from: '2026-11-02', to: '2026-11-30' })).toBeNull();
    expect(periodName({ year: null, from: '2026-06-01', to: '2026-08-31' })).toBeNull();
  });
});
