// Days and hours in the configured time zone, daylight-saving days included.
import { describe, expect, it } from 'vitest';
import { localDayRange as localDay, parseMoment } from '../../src/core/time/days.js';
import { shownDateTime } from '../../src/core/time/shown.js';

describe('local time', () => {
  it('gives a day its real length in the zone (23 h on the spring change, 25 h in autumn)', () => {
    const spring = localDay('2025-03-30', 'Europe/Zurich');
    expect(spring.start).toBe(Date.UTC(2025, 2, 29, 23) / 1000);
    expect(spring.end - spring.start).toBe(23 * 3600);
    const autumn = localDay('2025-10-26', 'Europe/Zurich');
    expect(autumn.end - autumn.start).toBe(25 * 3600);
    expect(localDay('2025-06-01', 'UTC')).toEqual({ start: Date.UTC(2025, 5, 1) / 1000, end: Date.UTC(2025, 5, 2) / 1000 });
  });

  it('reads bounds people type and refuses the rest with a UserError', () => {
    expect(parseMoment('2025-06-01', 'America/New_York', 'start')).toBe(Date.UTC(2025, 5, 1, 4) / 1000);
    expect(parseMoment('2025-06-01', 'America/New_York', 'end')).toBe(Date.UTC(2025, 5, 2, 4) / 1000);
    expect(parseMoment('2025-06-01T10:00:00Z', 'Asia/Tokyo', 'start')).toBe(Date.UTC(2025, 5, 1, 10) / 1000);
    expect(parseMoment('1700000000', 'UTC', 'start')).toBe(1_700_000_000);
    expect(() => parseMoment('yesterday', 'UTC', 'start')).toThrow(/not a date/);
    expect(() => localDay('2025-02-30', 'UTC')).toThrow(/not a date/);
    expect(() => localDay('2025-02-01', 'Mars/Olympus')).toThrow(/time zone/);
    expect(shownDateTime(Date.UTC(2025, 5, 1, 22, 5), 'Europe/Zurich')).toBe('2025-06-02 00:05');
  });

  it('reads a date-time without offset on the configured zone, not the process zone', () => {
    // The daemon's own TZ (often UTC under systemd) must not decide what "10:00" means.
    expect(parseMoment('2025-06-01T10:00', 'America/New_York', 'start')).toBe(Date.UTC(2025, 5, 1, 14) / 1000);
    expect(parseMoment('2025-06-01 10:00:30', 'Asia/Tokyo', 'start')).toBe(Date.UTC(2025, 5, 1, 1, 0, 30) / 1000);
    expect(parseMoment('2025-10-26T12:00:00', 'Europe/Zurich', 'start')).toBe(Date.UTC(2025, 9, 26, 11) / 1000);
    expect(parseMoment('2025-06-01T10:00:00+02:00', 'Asia/Tokyo', 'start')).toBe(Date.UTC(2025, 5, 1, 8) / 1000);
  });
});
