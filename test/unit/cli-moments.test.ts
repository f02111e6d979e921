// How the CLI shows an instant the daemon sends as UTC ISO text: the configured zone's clock,
// and the time left as a person says it.
import { describe, expect, it } from 'vitest';
import { inWords, localMoment } from '../../src/cli/moments.js';

const NOW = Date.parse('2026-07-01T10:00:00Z');

describe('localMoment', () => {
  it('shows the time alone today, and the date too another day, on the zone clock', () => {
    expect(localMoment('2026-07-01T09:58:07Z', 'Europe/Zurich', NOW)).toBe('11:58:07');
    expect(localMoment('2026-06-30T21:30:00Z', 'Europe/Zurich', NOW)).toBe('2026-06-30 23:30');
    // 22:30 UTC on June 30 is already July 1 in Zurich: "today" is the zone's day.
    expect(localMoment('2026-06-30T22:30:00Z', 'Europe/Zurich', NOW)).toBe('00:30:00');
  });
  it('follows the zone across offsets and daylight saving', () => {
    expect(localMoment('2026-07-01T09:58:07Z', 'Asia/Kathmandu', NOW)).toBe('15:43:07');
    expect(localMoment('2026-03-29T01:30:00Z', 'Europe/Zurich', Date.parse('2026-03-29T12:00:00Z'))).toBe('03:30:00');
    expect(localMoment('2026-03-29T00:30:00Z', 'Europe/Zurich', Date.parse('2026-03-29T12:00:00Z'))).toBe('01:30:00');
  });
  it('leaves the process zone as it was', () => {
    const before = process.env.TZ;
    localMoment('2026-07-01T09:58:07Z', 'Pacific/Kiritimati', NOW);
    expect(process.env.TZ).toBe(before);
  });
  it('reads an unknown zone as UTC, and keeps text that is not a time', () => {
    expect(localMoment('2026-07-01T09:58:07Z', 'Mars/Olympus', NOW)).toBe('09:58:07');
    expect(localMoment('soon', 'Europe/Zurich', NOW)).toBe('soon');
  });
});

describe('inWords', () => {
  it('says seconds, minutes, then hours', () => {
    expect(inWords('2026-07-01T10:00:42Z', NOW)).toBe('in 42 s');
    expect(inWords('2026-07-01T10:05:00Z', NOW)).toBe('in 5 min');
    expect(inWords('2026-07-01T12:10:00Z', NOW)).toBe('in 2 h 10 min');
    expect(inWords('2026-07-01T09:59:59Z', NOW)).toBe('now');
  });
});
