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
  it('keeps the UTC text when the zone is unknown or the text is not a time', () => {
    expect(localMoment('2026-07-01T09:58:07Z', 'Mars/Olympus', NOW)).toBe('2026-07-01T09:58:07Z');
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
