// How a spin's listens are laid out: the chosen tracks back to back from their durations,
// ending at --ended (or starting at --started), with --tracks, sides and --minutes; and how
// the album and the moments typed by people are read.
import { describe, expect, it } from 'vitest';
import { albumNamed, albumRef } from '../../src/core/spins/album-choice.js';
import type { TracklistTrack } from '../../src/core/spins/model.js';
import { spinMoment } from '../../src/core/spins/moment.js';
import { planSpin, type SpinSubject } from '../../src/core/spins/plan.js';
import { NotFoundError, UserError } from '../../src/core/errors.js';

let number = 0;
const t = (position: string, title: string, durationSeconds: number | null, artist: string | null = null): TracklistTrack => ({
  number: ++number, position, side: /^[A-Z]/.test(position) ? position[0]! : null, title, artist, durationSeconds,
});

const NOW = 1_780_000_000;
const lp: SpinSubject = {
  title: 'Kind of Blue', artist: 'Miles Davis', source: 'vinyl',
  tracks: [t('A1', 'So What', 562), t('A2', 'Freddie Freeloader', 586), t('B1', 'Blue in Green', 337), t('B2', 'All Blues', 693), t('B3', 'Flamenco Sketches', 566)],
};
const times = (listens: { timestamp: number }[]) => listens.map((listen) => listen.timestamp);

describe('a spin laid back to back', () => {
  it('ends the last track of the side at --ended, to the second', () => {
    const ended = NOW - 600;
    const side = planSpin(lp, { side: 'B', endedAt: ended }, NOW);
    expect(side.map((listen) => listen.title)).toEqual(['Blue in Green', 'All Blues', 'Flamenco Sketches']);
    expect(times(side)).toEqual([ended - 1596, ended - 1259, ended - 566]);
    expect(side.every((listen) => listen.source === 'vinyl' && listen.album === 'Kind of Blue' && listen.albumArtist === 'Miles Davis' && listen.artist === 'Miles Davis')).toBe(true);
  });

  it('ends now when no time is given, and starts at --started when that is given', () => {
    expect(times(planSpin(lp, { side: 'a' }, NOW))).toEqual([NOW - 1148, NOW - 586]);
    const started = NOW - 7200;
    expect(times(planSpin(lp, { startedAt: started }, NOW))).toEqual([started, started + 562, started + 1148, started + 1485, started + 2178]);
  });

  it('takes --tracks within the side, or within the record without one', () => {
    expect(planSpin(lp, { side: 'B', first: 2, last: 3, endedAt: NOW }, NOW).map((l) => [l.position, l.timestamp])).toEqual([['B2', NOW - 1259], ['B3', NOW - 566]]);
    expect(planSpin(lp, { first: 2, last: 3, endedAt: NOW }, NOW).map((l) => l.position)).toEqual(['A2', 'B1']);
    expect(planSpin(lp, { first: 4, endedAt: NOW }, NOW).map((l) => l.position)).toEqual(['B2']);
    expect(() => planSpin(lp, { side: 'A', first: 1, last: 3 }, NOW)).toThrow(/side A of “Kind of Blue” has 2 tracks \(asked for 1-3\)/);
  });

  it('names the sides there are when asked for one that is not', () => {
    expect(() => planSpin(lp, { side: 'C' }, NOW)).toThrow(/has no side C \(sides: A, B\)/);
    const cd: SpinSubject = { ...lp, tracks: [t('1', 'One', 100), t('2', 'Two', 100)] };
    expect(() => planSpin(cd, { side: 'A' }, NOW)).toThrow(/has no sides \(positions 1–2\): choose tracks with --tracks/);
  });

  it('credits each track of a compilation to its own artist, the album to the album artist', () => {
    const various: SpinSubject = { title: 'Night Shift', artist: 'Various', source: 'cd', tracks: [t('1', 'First', 200, 'Nina Ko'), t('2', 'Second', 100)] };
    expect(planSpin(various, {}, NOW).map((l) => [l.artist, l.albumArtist, l.source])).toEqual([['Nina Ko', 'Various', 'cd'], ['Various', 'Various', 'cd']]);
  });

  it('names the tracks without a duration, and spreads --minutes over them evenly to the second', () => {
    const bare: SpinSubject = { ...lp, tracks: [t('A1', 'One', null), t('A2', 'Two', null), t('A3', 'Three', null), t('B1', 'Four', 300)] };
    expect(() => planSpin(bare, { side: 'A' }, NOW)).toThrow(/no duration for A1 “One”, A2 “Two”, A3 “Three”: say how long side A lasted with --minutes N/);
    const spread = planSpin(bare, { side: 'A', minutes: 20, endedAt: NOW }, NOW);
    expect(spread.map((l) => l.seconds)).toEqual([400, 400, 400]);
    expect(times(spread)).toEqual([NOW - 1200, NOW - 800, NOW - 400]);
    expect(spread.every((l) => !l.durationKnown)).toBe(true);
    // Known durations are kept; the others share what is left, to the second.
    const mixed = planSpin(bare, { first: 3, last: 4, minutes: 10, endedAt: NOW }, NOW);
    expect(mixed.map((l) => [l.seconds, l.durationKnown])).toEqual([[300, false], [300, true]]);
    const uneven = planSpin(bare, { side: 'A', minutes: 1, endedAt: NOW }, NOW);
    expect(uneven.map((l) => l.seconds)).toEqual([20, 20, 20]);
    expect(planSpin({ ...bare, tracks: bare.tracks.slice(0, 2) }, { minutes: 1, endedAt: NOW }, NOW).map((l) => l.seconds)).toEqual([30, 30]);
    expect(() => planSpin(bare, { side: 'B', minutes: 5 }, NOW)).toThrow(/--minutes is only for tracks without one/);
    expect(() => planSpin(bare, { first: 3, last: 4, minutes: 5 }, NOW)).toThrow(/already last 5:00/);
  });

  it('refuses a spin that would still be playing', () => {
    expect(() => planSpin(lp, { startedAt: NOW - 60 }, NOW)).toThrow(/would end 2684 s from now/);
    expect(() => planSpin(lp, { endedAt: NOW + 1 }, NOW)).toThrow(UserError);
  });
});

describe('moments typed for --ended and --started', () => {
  const zone = 'Europe/Zurich';
  // 2026-06-01 20:00:00 in Zurich (UTC+2).
  const evening = Date.UTC(2026, 5, 1, 18, 0, 0) / 1000;
  it('read a clock time as the last time the clock showed it', () => {
    expect(spinMoment('19:40', zone, evening, '--ended')).toBe(evening - 1200);
    expect(spinMoment('19:40:30', zone, evening, '--ended')).toBe(evening - 1170);
    expect(spinMoment('23:10', zone, evening, '--ended')).toBe(evening - 20 * 3600 - 50 * 60);
  });
  it('read "ago", ISO date-times on the zone clock and epoch seconds', () => {
    expect(spinMoment('25 min ago', zone, evening, '--ended')).toBe(evening - 1500);
    expect(spinMoment('1h10m ago', zone, evening, '--ended')).toBe(evening - 4200);
    expect(spinMoment('2026-06-01 18:30', zone, evening, '--ended')).toBe(evening - 5400);
    expect(spinMoment('2026-06-01T16:30:00Z', zone, evening, '--ended')).toBe(evening - 5400);
    expect(spinMoment(String(evening - 99), zone, evening, '--ended')).toBe(evening - 99);
  });
  it('refuse a bare day and nonsense, naming the option', () => {
    expect(() => spinMoment('2026-06-01', zone, evening, '--started')).toThrow(/--started needs a time/);
    expect(() => spinMoment('25:00', zone, evening, '--ended')).toThrow(/--ended "25:00" is not a time of day/);
    expect(() => spinMoment('yesterday-ish', zone, evening, '--ended')).toThrow(/--ended "yesterday-ish" is not a moment/);
  });
});

describe('the album named', () => {
  const owned = [
    { id: 1, title: 'Kind of Blue', artist: 'Miles Davis' },
    { id: 2, title: 'Kind of Blue (Legacy Edition)', artist: 'Miles Davis' },
    { id: 3, title: 'Blue', artist: 'Joni Mitchell' },
    { id: 4, title: 'Blue', artist: 'The Beautiful South' },
    { id: 5, title: 'Help! - 2009 Remaster', artist: 'The Beatles' },
    { id: 6, title: 'Bridge Over Troubled Water', artist: 'Simon & Garfunkel' },
  ];
  it('is an id when it is a number', () => {
    expect(albumRef(' 42 ')).toEqual({ id: 42 });
    expect(albumRef('Miles Davis - Kind of Blue')).toEqual({ text: 'Miles Davis - Kind of Blue' });
  });
  it('matches "artist - title" whatever the spelling, an exact title first', () => {
    expect(albumNamed(owned, 'miles davis - KIND OF BLUE').id).toBe(1);
    expect(albumNamed(owned, 'Beautiful South - Blue').id).toBe(4);
    expect(albumNamed(owned, 'beatles - help!').id).toBe(5);
    expect(albumNamed(owned, 'The Beatles - Help! - 2009 Remaster').id).toBe(5);
    expect(albumNamed(owned, 'Simon and Garfunkel - Bridge over troubled water').id).toBe(6);
    expect(albumNamed(owned, 'Garfunkel - Bridge Over Troubled Water').id).toBe(6);
  });
  it('refuses to guess between several, listing them, and says when none matches', () => {
    const ambiguous = (() => {
      try {
        albumNamed(owned, 'Blue');
      } catch (error) {
        return error;
      }
    })();
    expect(ambiguous).toBeInstanceOf(UserError);
    expect((ambiguous as UserError).message).toMatch(/"Blue" matches 2 albums: #3 Joni Mitchell - Blue; #4 The Beautiful South - Blue — give the album id/);
    expect(() => albumNamed(owned, 'Prince - Purple Rain')).toThrow(NotFoundError);
  });
});
