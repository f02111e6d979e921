// A Discogs tracklist read as the tracks a record plays: headings skipped, index tracks and
// sub-tracks resolved, sides from positions, durations in seconds, per-track artists kept;
// and the fetching of them as background work, which leaves room on the rate limit.
import { describe, expect, it } from 'vitest';
import { sideOf, subTrackBase } from '../../src/core/spins/positions.js';
import { DiscogsPacer } from '../../src/integrations/discogs/pacer.js';
import { durationSeconds, toTracklist, type DiscogsTracklistEntry } from '../../src/integrations/discogs/tracklist.js';

const track = (position: string, title: string, duration = '', extra: Partial<DiscogsTracklistEntry> = {}): DiscogsTracklistEntry => ({ position, type_: 'track', title, duration, ...extra });
const brief = (entries: DiscogsTracklistEntry[]) => toTracklist(entries).map((t) => [t.number, t.position, t.side, t.title, t.artist, t.durationSeconds]);

describe('positions', () => {
  it('name sides for vinyl and cassettes, discs for multi-disc sets, nothing for plain numbers', () => {
    expect(['A1', 'B12', 'A', 'AA', 'C3', 'A1a', 'B2.1', '2-05', '1-1', '7', '3b', ''].map(sideOf)).toEqual(['A', 'B', 'A', 'AA', 'C', 'A', 'B', '2', '1', null, null, null]);
  });

  it('see sub-track positions as parts of one physical track', () => {
    expect(['A1a', 'A1.2', '3b', '2-05.1', 'A1', '12', 'B'].map(subTrackBase)).toEqual(['A1', 'A1', '3', '2-05', undefined, undefined, undefined]);
  });
});

describe('durations', () => {
  it('read m:ss and h:mm:ss; empty, zero or odd values are unknown', () => {
    expect(['4:35', '12:05', '0:59', '65:00', '1:02:03', '', '0:00', '4.35', '4:75', ' 3:07 ', undefined].map(durationSeconds)).toEqual([275, 725, 59, 3900, 3723, null, null, null, null, 187, null]);
  });
});

describe('a release tracklist', () => {
  it('keeps the tracks of a two-sided LP in order, without its headings', () => {
    expect(brief([{ position: '', type_: 'heading', title: 'Side One', duration: '' }, track('A1', 'So What', '9:22'), track('A2', 'Freddie Freeloader', '9:46'),
      { position: '', type_: 'heading', title: 'Side Two', duration: '' }, track('B1', 'Blue In Green', '5:37')])).toEqual([
      [1, 'A1', 'A', 'So What', null, 562],
      [2, 'A2', 'A', 'Freddie Freeloader', null, 586],
      [3, 'B1', 'B', 'Blue In Green', null, 337],
    ]);
  });

  it('makes one track of a suite whose parts share a position, with its duration or theirs summed', () => {
    const suite = { position: '', type_: 'index', title: 'Suite Judy Blue Eyes', duration: '', sub_tracks: [track('B2a', 'Part One', '3:00'), track('B2b', 'Part Two', '4:10')] };
    const timed = { ...suite, title: 'Timed Suite', duration: '8:00' };
    const unknown = { ...suite, title: 'Half Known', sub_tracks: [track('B3a', 'One', '1:00'), track('B3b', 'Two', '')] };
    expect(brief([track('B1', 'Opener', '2:00'), suite, timed, unknown])).toEqual([
      [1, 'B1', 'B', 'Opener', null, 120],
      [2, 'B2', 'B', 'Suite Judy Blue Eyes', null, 430],
      [3, 'B2', 'B', 'Timed Suite', null, 480],
      [4, 'B3', 'B', 'Half Known', null, null],
    ]);
  });

  it('plays each movement of a work listed under an index track as its own track, crediting the index artist', () => {
    const work = {
      position: '', type_: 'index', title: 'Concerto No. 1', duration: '', artists: [{ name: 'Orchestre Lumière (2)', join: '' }],
      sub_tracks: [track('3', 'I. Allegro', '10:01'), track('4', 'II. Adagio', '8:30'), track('5', 'III. Presto', '')],
    };
    expect(brief([track('1', 'Overture', '5:00'), track('2', 'Interlude', '1:00'), work])).toEqual([
      [1, '1', null, 'Overture', null, 300],
      [2, '2', null, 'Interlude', null, 60],
      [3, '3', null, 'I. Allegro', 'Orchestre Lumière', 601],
      [4, '4', null, 'II. Adagio', 'Orchestre Lumière', 510],
      [5, '5', null, 'III. Presto', 'Orchestre Lumière', null],
    ]);
  });

  it('joins sub-track positions without an index above them into one track, and keeps a medley whole', () => {
    const medley = track('A3', 'Medley', '', { sub_tracks: [track('', 'Song X', '2:00'), track('', 'Song Y', '2:30')] });
    expect(brief([track('A1a', 'Intro', '0:30'), track('A1b', 'Theme', '3:30'), track('A2', 'Second', '4:00'), medley])).toEqual([
      [1, 'A1', 'A', 'Intro / Theme', null, 240],
      [2, 'A2', 'A', 'Second', null, 240],
      [3, 'A3', 'A', 'Medley', null, 270],
    ]);
  });

  it("names each track's own artist on a compilation, suffixes removed and credits joined", () => {
    const entries = [
      track('A1', 'First', '3:00', { artists: [{ name: 'Nina Ko (3)', join: '&' }, { name: 'Kid Cobalt', join: '' }] }),
      track('A2', 'Second', '3:00', { artists: [{ name: 'Mara Quist', join: '' }] }),
      track('A3', 'No credit', '3:00'),
    ];
    expect(toTracklist(entries).map((t) => t.artist)).toEqual(['Nina Ko & Kid Cobalt', 'Mara Quist', null]);
  });

  it('survives what a broken reply may hold', () => {
    expect(toTracklist(undefined)).toEqual([]);
    expect(toTracklist('nonsense' as unknown as DiscogsTracklistEntry[])).toEqual([]);
    expect(brief([null as unknown as DiscogsTracklistEntry, track('1', '', '1:00'), { title: 'No type', position: '2', duration: '1:00' }, { type_: 'video', title: 'Clip', position: '3' }])).toEqual([
      [1, '2', null, 'No type', null, 60],
    ]);
  });
});

describe('background requests on the shared Discogs pacer', () => {
  const reply = (limit: number, remaining: number) => ({ url: '', status: 200, headers: { 'x-discogs-ratelimit': String(limit), 'x-discogs-ratelimit-remaining': String(remaining) }, body: '' });

  it('leave a sixth of the window to requests people wait on', async () => {
    const pacer = new DiscogsPacer(60_000);
    const background = pacer.background();
    // 60 a minute: background work stops at 50 hits in the window, an import or a spin goes on to 59.
    for (let sent = 1; sent <= 50; sent += 1) {
      await background.wait();
      background.observe?.(reply(60, 60 - sent));
    }
    expect(pacer.delay(Date.now(), 10)).toBeGreaterThan(59_000);
    expect(pacer.delay(Date.now())).toBe(0);
    for (let sent = 51; sent <= 59; sent += 1) {
      await pacer.wait();
      pacer.observe(reply(60, 60 - sent));
    }
    expect(pacer.delay(Date.now())).toBeGreaterThan(59_000);
  });
});
