import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/core/time/days.js';
import { offsetSpans as offsetPeriods } from '../../src/core/time/zone.js';

const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe('offset periods for the peak hour', () => {
  it('splits a year in Zurich at the two daylight saving changes, to the second', () => {
    const periods = offsetPeriods('Europe/Zurich', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'));
    expect(periods).toEqual([
      { start: at('2026-01-01T00:00:00Z'), end: at('2026-03-29T01:00:00Z'), offsetSeconds: 3600 },
      { start: at('2026-03-29T01:00:00Z'), end: at('2026-10-25T01:00:00Z'), offsetSeconds: 7200 },
      { start: at('2026-10-25T01:00:00Z'), end: at('2027-01-01T00:00:00Z'), offsetSeconds: 3600 },
    ]);
  });

  it('finds a change in the last hours of the span', () => {
    const periods = offsetPeriods('Europe/Zurich', at('2026-03-28T00:00:00Z'), at('2026-03-29T03:00:00Z'));
    expect(periods.map((p) => p.offsetSeconds)).toEqual([3600, 7200]);
    expect(periods[1]?.start).toBe(at('2026-03-29T01:00:00Z'));
  });

  it('keeps half-hour zones and zones without daylight saving time in one period', () => {
    expect(offsetPeriods('Asia/Kolkata', at('2026-01-01T00:00:00Z'), at('2026-12-31T00:00:00Z'))).toEqual([
      { start: at('2026-01-01T00:00:00Z'), end: at('2026-12-31T00:00:00Z'), offsetSeconds: 19_800 },
    ]);
  });

  it('covers a span of a single instant', () => {
    const t = at('2026-07-01T12:00:00Z');
    expect(offsetPeriods('UTC', t, t + 1)).toEqual([{ start: t, end: t + 1, offsetSeconds: 0 }]);
  });

  it('names the local date and refuses an unknown zone', () => {
    expect(localDate('Pacific/Auckland', at('2026-07-01T13:00:00Z'))).toBe('2026-07-02');
    expect(() => offsetPeriods('Mars/Olympus', 0, 10)).toThrow(/unknown time zone "Mars\/Olympus"/);
  });
});
