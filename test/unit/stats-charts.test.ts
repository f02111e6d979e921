import { describe, expect, it } from 'vitest';
import { bar, barChart, heatGrid, heatLevel, sparkline } from '../../src/cli/charts.js';

describe('terminal charts', () => {
  it('draws bars in eighths of a column, never empty for a non-zero value', () => {
    expect(bar(10, 10, 4)).toBe('████');
    expect(bar(5, 10, 4)).toBe('██');
    expect(bar(1, 10, 4)).toBe('▍');
    expect(bar(1, 1000, 4)).toBe('▏');
    expect(bar(0, 10, 4)).toBe('');
  });

  it('keeps labelled bar charts within the width, cutting long labels', () => {
    const lines = barChart([{ label: 'A very long artist name that goes on and on and on', value: 12_345 }, { label: 'Short', value: 7 }], 78);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(78);
    expect(lines[0]).toContain('…');
    expect(lines[0]).toContain('12,345');
    expect(lines[1]).toMatch(/^Short +7 ▏$/);
  });

  it('draws a sparkline with one character per bucket and a space for nothing', () => {
    expect(sparkline([0, 1, 2, 4, 8])).toBe(' ▁▂▄█');
    expect(sparkline([0, 0])).toBe('  ');
  });

  it('puts counts in quarters of the maximum and explains them in a legend', () => {
    expect([0, 1, 25, 26, 50, 75, 76, 100].map((count) => heatLevel(count, 100))).toEqual([0, 1, 1, 2, 2, 3, 4, 4]);
    const rows = Array.from({ length: 7 }, (_, day) => Array.from({ length: 24 }, (_, hour) => (day === 0 && hour === 20 ? 8 : hour % 5)));
    const lines = heatGrid(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], rows, 8);
    expect(lines).toHaveLength(9);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[0]).toBe('    00    03    06    09    12    15    18    21');
    expect(lines[1]?.slice(4 + 40, 4 + 42)).toBe('██');
    expect(lines[8]).toBe('    · none  ░ 1–2  ▒ –4  ▓ –6  █ –8 listens');
  });
});
