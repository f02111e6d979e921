// When a Roon zone's track becomes a play (core/roon/play-tracker.ts), zone state by zone state.
import { describe, expect, it } from 'vitest';
import { PlayTracker, playThreshold } from '../../src/core/roon/play-tracker.js';
import type { NowPlaying, Zone, ZonePlayState } from '../../src/core/roon/zone.js';

let nowMs = 1_700_000_000_000;
const clock = { now: () => nowMs };

function zone(state: ZonePlayState, track: Partial<NowPlaying> | null, id = 'z1'): Zone {
  return {
    id,
    name: id === 'z1' ? 'Living Room' : 'Kitchen',
    state,
    outputs: [],
    nowPlaying: track ? { title: 'Hunter', artist: 'Björk', album: 'Homogenic', length: 255, seek: 0, imageKey: null, ...track } : null,
    settings: { shuffle: false, loop: 'disabled', radio: false },
    allowed: { play: true, pause: true, next: true, previous: true, seek: true },
  };
}

function tracker(stations: string[] = []) {
  return new PlayTracker({ clock, radioStations: () => stations });
}

/** Plays `seconds` in steps of 1 s of wall time and position; returns the reports. */
function play(t: PlayTracker, from: number, seconds: number, track: Partial<NowPlaying> = {}, state: ZonePlayState = 'playing') {
  const reports = [];
  for (let s = from + 1; s <= from + seconds; s++) {
    nowMs += 1000;
    const report = t.observe(zone(state, { ...track, seek: s }));
    if (report) reports.push(report);
  }
  return reports;
}

describe('Roon play threshold', () => {
  it('is half the length, or 4 minutes for long tracks', () => {
    expect(playThreshold(255)).toBe(127.5);
    expect(playThreshold(600)).toBe(240);
  });

  it('reports a play once, at its start time, when half of it was played', () => {
    const t = tracker();
    const start = nowMs / 1000;
    expect(t.observe(zone('playing', { seek: 0 }))).toBeUndefined();
    expect(play(t, 0, 127)).toEqual([]);
    const [report] = play(t, 127, 1);
    expect(report).toMatchObject({ artist: 'Björk', title: 'Hunter', album: 'Homogenic', source: 'roon', zone: 'Living Room', timestamp: Math.round(start), playedSeconds: 128, durationSeconds: 255 });
    expect(play(t, 128, 100)).toEqual([]);
  });

  it('counts 4 minutes of a long track, and a replay from the start as a new play', () => {
    const t = tracker();
    t.observe(zone('playing', { length: 600, seek: 0 }));
    expect(play(t, 0, 240, { length: 600 })).toHaveLength(1);
    t.observe(zone('playing', { length: 600, seek: 0 }));
    expect(play(t, 0, 240, { length: 600 })).toHaveLength(1);
  });

  it('does not count paused position changes, short tracks, live streams or radio stations', () => {
    const paused = tracker();
    paused.observe(zone('paused', { seek: 0 }));
    expect(play(paused, 0, 200, {}, 'paused')).toEqual([]);

    const short = tracker();
    short.observe(zone('playing', { length: 30, seek: 0 }));
    expect(play(short, 0, 30, { length: 30 })).toEqual([]);

    const live = tracker();
    live.observe(zone('playing', { length: null, seek: 0 }));
    expect(play(live, 0, 300, { length: null })).toEqual([]);

    const radio = tracker(['FIP']);
    radio.observe(zone('playing', { title: 'Take Five', artist: 'Dave Brubeck', album: 'FIP', seek: 0 }));
    expect(play(radio, 0, 200, { title: 'Take Five', artist: 'Dave Brubeck', album: 'FIP' })).toEqual([]);
  });

  it('forgets a skipped track: the next one starts from nothing', () => {
    const t = tracker();
    t.observe(zone('playing', { seek: 0 }));
    play(t, 0, 100);
    t.observe(zone('playing', { title: 'Jóga', length: 305, seek: 0 }));
    expect(play(t, 0, 100, { title: 'Jóga', length: 305 })).toEqual([]);
    expect(play(t, 100, 60, { title: 'Jóga', length: 305 })).toHaveLength(1);
  });

  it('counts a play once when grouping moves it to a new zone mid-track', () => {
    const t = tracker();
    t.observe(zone('playing', { seek: 0 }, 'z1'));
    expect(play(t, 0, 130)).toHaveLength(1);
    t.forget('z1');
    expect(t.observe(zone('playing', { seek: 131 }, 'z2'))).toBeUndefined();
    nowMs += 130_000;
    expect(t.observe(zone('playing', { seek: 261 }, 'z2'))).toBeUndefined();
  });

  it('keeps the time played when grouping moves an unfinished track to a new zone', () => {
    const t = tracker();
    const start = Math.round(nowMs / 1000);
    t.observe(zone('playing', { length: 600, seek: 0 }, 'z1'));
    expect(play(t, 0, 200, { length: 600 })).toEqual([]);
    t.forget('z1');
    expect(t.observe(zone('playing', { length: 600, seek: 200 }, 'z2'))).toBeUndefined();
    let reports: ReturnType<typeof play> = [];
    for (let s = 201; s <= 260; s++) {
      nowMs += 1000;
      const report = t.observe(zone('playing', { length: 600, seek: s }, 'z2'));
      if (report) reports.push(report);
    }
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ timestamp: start, zone: 'Kitchen', playedSeconds: 240 });
  });

  it('tracks zones apart', () => {
    const t = tracker();
    t.observe(zone('playing', { seek: 0 }, 'z1'));
    t.observe(zone('playing', { seek: 0 }, 'z2'));
    nowMs += 130_000;
    expect(t.observe(zone('playing', { seek: 130 }, 'z1'))?.zone).toBe('Living Room');
    expect(t.observe(zone('playing', { seek: 20 }, 'z2'))).toBeUndefined();
  });
});

describe('Roon play threshold: seeking is not listening', () => {
  it('does not count a forward seek as time played', () => {
    const t = tracker();
    t.observe(zone('playing', { seek: 0 }));
    expect(play(t, 0, 10)).toEqual([]);
    // The listener drags the position from 0:10 to 3:20 and hears 5 seconds: 15 s played, not a play.
    nowMs += 1000;
    expect(t.observe(zone('playing', { seek: 200 }))).toBeUndefined();
    expect(play(t, 200, 5)).toEqual([]);
  });

  it('does not count a seek made while paused once playback resumes', () => {
    const t = tracker();
    t.observe(zone('playing', { seek: 0 }));
    play(t, 0, 10);
    nowMs += 1000;
    t.observe(zone('paused', { seek: 10 }));
    nowMs += 1000;
    t.observe(zone('paused', { seek: 180 }));
    nowMs += 1000;
    expect(t.observe(zone('playing', { seek: 181 }))).toBeUndefined();
  });
});
