// Volume plans per output (range, soft limit, step grid, fixed and incremental outputs),
// zone lookup, and the name variants play-album searches with.
import { describe, expect, it } from 'vitest';
import { bestRow, searchTexts, withoutEdition } from '../../src/core/roon/album-match.js';
import { planVolume } from '../../src/core/roon/volume.js';
import { resolveZone, type OutputVolume, type Zone, type ZoneOutput } from '../../src/core/roon/zone.js';

const db: OutputVolume = { type: 'db', min: -80, max: 0, value: -30, step: 0.5, softLimit: -10, muted: false };
const pct: OutputVolume = { type: 'number', min: 0, max: 100, value: 20, step: 1, softLimit: 60, muted: false };
const steps: OutputVolume = { type: 'incremental', min: null, max: null, value: null, step: null, softLimit: null, muted: false };

function zone(name: string, outputs: ZoneOutput[], state: Zone['state'] = 'stopped'): Zone {
  return { id: `16${name}`, name, state, outputs, nowPlaying: null, settings: { shuffle: false, loop: 'disabled', radio: false }, allowed: { play: true, pause: true, next: true, previous: true, seek: true } };
}

describe('volume plans', () => {
  it('clamps to range and soft limit and rounds onto the step grid', () => {
    const living = zone('Living Room', [{ id: 'o1', name: 'Amp', volume: db }]);
    expect(planVolume(living, { how: 'absolute', value: -3 }).changes[0]?.value).toBe(-10);
    expect(planVolume(living, { how: 'absolute', value: -90 }).changes[0]?.value).toBe(-80);
    expect(planVolume(living, { how: 'absolute', value: -30.3 }).changes[0]?.value).toBe(-30.5);
    expect(planVolume(living, { how: 'relative', value: 4 }).changes[0]?.value).toBe(-26);
    expect(planVolume(living, { how: 'step', value: -1 }).changes[0]?.value).toBe(-30.5);
  });

  it('applies to every output of a group, reports fixed ones, and refuses when none can change', () => {
    const group = zone('Study + Bedroom', [
      { id: 'o1', name: 'Study', volume: pct },
      { id: 'o2', name: 'Streamer', volume: null },
      { id: 'o3', name: 'Knob', volume: steps },
    ]);
    const plan = planVolume(group, { how: 'relative', value: 5 });
    expect(plan.changes).toEqual([
      { outputId: 'o1', name: 'Study', how: 'absolute', value: 25 },
      { outputId: 'o3', name: 'Knob', how: 'relative_step', value: 1 },
    ]);
    expect(plan.skipped).toEqual([{ outputId: 'o2', name: 'Streamer', reason: 'has no volume control (fixed volume)' }]);
    expect(() => planVolume(zone('Streamer', [{ id: 'o2', name: 'Streamer', volume: null }]), { how: 'absolute', value: 10 })).toThrow(/Streamer has no volume control/);
  });
});

describe('zones by name', () => {
  const zones = [zone('Living Room', []), zone('Kitchen', [], 'playing')];
  it('finds by id, by name ignoring case and accents, and falls back to the playing zone', () => {
    expect(resolveZone(zones, 'living room', undefined).name).toBe('Living Room');
    expect(resolveZone(zones, '16Kitchen', undefined).name).toBe('Kitchen');
    expect(resolveZone(zones, undefined, undefined).name).toBe('Kitchen');
    expect(resolveZone(zones, undefined, 'Living Room').name).toBe('Living Room');
    expect(() => resolveZone(zones, 'Garage', undefined)).toThrow(/no Roon zone named "Garage"/);
  });
});

describe('album name variants', () => {
  it('sets edition suffixes aside', () => {
    expect(withoutEdition('Back to Black (Deluxe Edition)')).toBe('Back to Black');
    expect(withoutEdition('Help! - 2009 Remaster')).toBe('Help!');
    expect(withoutEdition('Abbey Road [Remastered]')).toBe('Abbey Road');
    expect(withoutEdition('Kind of Blue')).toBe('Kind of Blue');
  });

  it('searches with "&"/"and" swapped and without "The "', () => {
    expect(searchTexts('Simon and Garfunkel', 'Bookends')).toContain('Simon & Garfunkel Bookends');
    expect(searchTexts('The Beatles', 'Abbey Road (Super Deluxe)')).toContain('Beatles Abbey Road');
  });

  it('prefers the exact title, then the edition-free one, matching the artist', () => {
    const rows = [
      { title: 'Back to Black (Deluxe Edition)', subtitle: 'Amy Winehouse' },
      { title: 'Back to Black', subtitle: '[[42|Beyoncé]]' },
    ];
    expect(bestRow(rows, 'amy winehouse', 'Back to Black')?.title).toBe('Back to Black (Deluxe Edition)');
    expect(bestRow(rows, 'Beyonce', 'Back to Black')?.subtitle).toBe('[[42|Beyoncé]]');
    expect(bestRow(rows, 'Björk', 'Back to Black')).toBeUndefined();
  });
});
