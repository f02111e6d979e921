import { describe, expect, it } from 'vitest';
import { heatLevel as terminalHeatLevel } from '../../src/cli/charts.js';
import { barSvg, heatCellsSvg, heatLevel, monthCurveSvg } from '../../src/core/wrapped/page/charts.js';
import { coverDataUri, MAX_COVER_BYTES } from '../../src/core/wrapped/page/covers.js';
import { count, html } from '../../src/core/wrapped/page/text.js';

const numbersIn = (svg: string) => [...svg.matchAll(/ (?:x|y|cx|cy|x1|x2|y1|y2|width|height)="([^"]*)"/g)].map((match) => match[1]);
const fillWidth = (svg: string) => Number(/class="bar-fill" width="([^"]+)"/.exec(svg)?.[1]);

describe('page text', () => {
  it('escapes the five characters that can break out of HTML text or an attribute', () => {
    expect(html(`<b>Tom & "Jerry's"</b>`)).toBe('&lt;b&gt;Tom &amp; &quot;Jerry&#39;s&quot;&lt;/b&gt;');
  });

  it('never writes NaN or Infinity as a number', () => {
    expect([count(1234567), count(Number.NaN), count(Number.POSITIVE_INFINITY)]).toEqual(['1,234,567', '0', '0']);
  });

  it('writes numbers as toLocaleString(\'en-US\') does, without loading its locale data', () => {
    for (const value of [0, 1, 7, 12, 999, 1000, 1234.5, 987654.3, 12345678, 0.1, 0.25, 6.6, 1.5, 100.005, 1234.5678, -3, -0.4, -1234567.25, 2 ** 40]) {
      expect([value, count(value)]).toEqual([value, value.toLocaleString('en-US')]);
    }
  });
});

describe('SVG bars', () => {
  it('fills value/max of the width, a sliver for a small value, nothing for 0 or an empty chart', () => {
    expect(fillWidth(barSvg(5, 10))).toBe(50);
    expect(fillWidth(barSvg(10, 10))).toBe(100);
    expect(fillWidth(barSvg(1, 1000))).toBe(1.5);
    expect(fillWidth(barSvg(0, 10))).toBe(0);
    expect(fillWidth(barSvg(0, 0))).toBe(0);
  });
});

describe('SVG month curve', () => {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  it('puts one dot per month, higher for more listens, and labels the busiest month with its count', () => {
    const svg = monthCurveSvg(months.map((label, i) => ({ label, value: [4, 7, 2, 1, 1, 0, 2, 0, 0, 0, 2, 1][i]! })), 'Listens per month');
    const dots = [...svg.matchAll(/<circle class="curve-dot" cx="([^"]+)" cy="([^"]+)"/g)].map((match) => [Number(match[1]), Number(match[2])]);
    expect(dots).toHaveLength(12);
    const ys = dots.map(([, y]) => y!);
    expect(Math.min(...ys)).toBe(ys[1]);
    expect(ys[5]).toBe(Math.max(...ys));
    expect(ys[0]! < ys[2]!).toBe(true);
    expect(dots.map(([x]) => x)).toEqual([...dots.map(([x]) => x)].sort((a, b) => a! - b!));
    expect(svg).toMatch(/<text class="curve-peak"[^>]*>7<\/text>/);
    expect([...svg.matchAll(/class="curve-label"/g)]).toHaveLength(12);
    expect(svg).toContain('<title>Feb: 7</title>');
  });

  it('draws an empty year flat on the axis and a single month in the middle, with finite numbers only', () => {
    const flat = monthCurveSvg(months.map((label) => ({ label, value: 0 })), 'Listens per month');
    const axis = /<line class="axis"[^>]* y1="([^"]+)"/.exec(flat)?.[1];
    expect(new Set([...flat.matchAll(/cy="([^"]+)"/g)].map((match) => match[1]))).toEqual(new Set([axis]));
    expect(flat).not.toContain('curve-peak');
    const single = monthCurveSvg([{ label: 'Jan', value: 3 }], 'Listens per month');
    for (const svg of [flat, single, monthCurveSvg([], 'nothing')]) {
      expect(numbersIn(svg).every((value) => Number.isFinite(Number(value)))).toBe(true);
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    }
    expect(single).toContain('cx="240"');
  });

  it('labels at most about 12 months when the period is long', () => {
    const svg = monthCurveSvg(Array.from({ length: 36 }, (_, i) => ({ label: `m${i}`, value: i })), 'Listens per month');
    expect([...svg.matchAll(/class="curve-label"/g)]).toHaveLength(12);
    expect([...svg.matchAll(/class="curve-dot"/g)]).toHaveLength(36);
  });
});

describe('SVG heat cells', () => {
  const rows = Array.from({ length: 7 }, (_, day) => Array.from({ length: 24 }, (_, hour) => (day === 4 && hour === 21 ? 8 : day === 5 && hour === 9 ? 2 : 0)));

  it('draws 7 × 24 cells, levels by quarters of the busiest, a title per cell', () => {
    const svg = heatCellsSvg(rows, ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], 8, 'Listens per hour and weekday');
    const cells = [...svg.matchAll(/<rect class="h(\d)"/g)].map((match) => Number(match[1]));
    expect(cells).toHaveLength(168);
    expect(cells[4 * 24 + 21]).toBe(4);
    expect(cells[5 * 24 + 9]).toBe(1);
    expect(cells.filter((level) => level > 0)).toHaveLength(2);
    expect(svg).toContain('<title>Fri 21:00 — 8</title>');
    expect([...svg.matchAll(/class="heat-ruler"/g)]).toHaveLength(8);
  });

  it('uses the terminal heatmap\'s levels, and level 0 everywhere for an empty period', () => {
    for (const [value, max] of [[0, 0], [1, 8], [2, 8], [3, 8], [5, 8], [8, 8], [1, 1], [7, 100]] as const) {
      expect(heatLevel(value, max)).toBe(terminalHeatLevel(value, max));
    }
    const empty = heatCellsSvg(rows.map((row) => row.map(() => 0)), ['<Mon>'], 0, 'none');
    expect(new Set([...empty.matchAll(/<rect class="h(\d)"/g)].map((match) => match[1]))).toEqual(new Set(['0']));
    expect(empty).toContain('&lt;Mon&gt;');
  });
});

describe('covers as data URIs', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1]);
  const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
  const webp = Uint8Array.from([...Buffer.from('RIFF'), 26, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]);

  it('reads the picture type from the bytes', () => {
    expect(coverDataUri(png)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(coverDataUri(jpeg)).toMatch(/^data:image\/jpeg;base64,/);
    expect(coverDataUri(gif)).toBe('data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==');
    expect(coverDataUri(webp)).toMatch(/^data:image\/webp;base64,/);
  });

  it('leaves out what is not a plain picture, nothing at all, and oversized covers', () => {
    expect(coverDataUri(Buffer.from('<svg onload="alert(1)"></svg>'))).toBeNull();
    expect(coverDataUri(Buffer.from('<html><body>404 not found</body></html>'))).toBeNull();
    expect(coverDataUri(undefined)).toBeNull();
    const huge = new Uint8Array(MAX_COVER_BYTES + 1);
    huge.set(jpeg);
    expect(coverDataUri(huge)).toBeNull();
  });
});
