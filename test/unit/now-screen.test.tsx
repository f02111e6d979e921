// The `aime now` screen with ink-testing-library: the reducer and view render what plays,
// the bar ticks between seek updates, "reconnecting…" keeps the last state, keys act.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { RoonSnapshot, RoonZoneDto } from '../../src/rpc/methods/roon.js';
import { initialNowState, nowReducer, plainLine, type NowState } from '../../src/cli/views/now-state.js';
import { NowView } from '../../src/cli/views/now-view.js';
import { useNowKeys, type NowCommands } from '../../src/cli/views/now-input.js';

const living: RoonZoneDto = {
  id: '1601living',
  name: 'Living Room',
  state: 'playing',
  nowPlaying: { title: 'Jóga', artist: 'Björk', album: 'Homogenic', length: 300, seek: 60 },
  volume: { type: 'db', value: -30, min: -80, max: 0, step: 0.5, softLimit: -10, muted: false },
  outputs: [],
  settings: { shuffle: true, loop: 'disabled', radio: false },
};
const kitchen: RoonZoneDto = { ...living, id: '1601kitchen', name: 'Kitchen', state: 'stopped', nowPlaying: null, volume: null, settings: { shuffle: false, loop: 'disabled', radio: false } };

function snapshot(connected: boolean, zones: RoonZoneDto[] = [living, kitchen]): RoonSnapshot {
  return {
    connection: { state: connected ? 'connected' : 'reconnecting', connected, coreId: 'c', coreName: 'Fake Core', address: null, paired: true, zones: zones.length, lastError: null },
    zones,
    zoneId: '1601living',
  };
}

const at = 1_000_000;
const received = (s: RoonSnapshot): NowState => nowReducer(initialNowState, { type: 'snapshot', snapshot: s, at });

describe('aime now screen', () => {
  it('shows zone, state, title, artist, album, a ticking bar and the volume', () => {
    const state = received(snapshot(true));
    const first = render(<NowView state={state} now={at} width={30} />);
    const frame = first.lastFrame() ?? '';
    expect(frame).toContain('Living Room · playing');
    expect(frame).toMatch(/Jóga\s*\n\s*Björk\s*\n\s*Homogenic/);
    expect(frame).toContain('1:00 / 5:00');
    expect(frame).toContain('vol -30 dB · shuffle');
    expect(frame).toContain('━'.repeat(6) + '─');
    first.rerender(<NowView state={state} now={at + 15_000} width={30} />);
    expect(first.lastFrame()).toContain('1:15 / 5:00');
    first.unmount();
  });

  it('keeps the last state, frozen, with "reconnecting…" while Roon reconnects', () => {
    const state = nowReducer(received(snapshot(true)), { type: 'snapshot', snapshot: snapshot(false), at });
    const view = render(<NowView state={state} now={at + 30_000} />);
    expect(view.lastFrame()).toContain('reconnecting…');
    expect(view.lastFrame()).toContain('Jóga');
    expect(view.lastFrame()).toContain('1:00 / 5:00');
    expect(plainLine(state)).toBe('reconnecting… [playing] Living Room: Björk — Jóga (Homogenic) · vol -30 dB');
    view.unmount();
  });

  it('z moves to the next zone and wraps around', () => {
    let state = received(snapshot(true));
    state = nowReducer(state, { type: 'next-zone' });
    expect(plainLine(state)).toBe('[stopped] Kitchen: nothing · fixed volume');
    state = nowReducer(state, { type: 'next-zone' });
    expect(plainLine(state)).toContain('Living Room');
  });

  it('maps the keys to commands', async () => {
    const calls: string[] = [];
    const commands: NowCommands = {
      control: (c) => calls.push(c),
      volumeSteps: (n) => calls.push(`volume ${n}`),
      nextZone: () => calls.push('zone'),
      quit: () => calls.push('quit'),
    };
    function Keys() {
      useNowKeys(commands);
      return null;
    }
    const view = render(<Keys />);
    await new Promise((r) => setTimeout(r, 20));
    for (const key of [' ', 'n', 'p', 's', 'z', '+', '-', 'q']) {
      view.stdin.write(key);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(calls).toEqual(['playpause', 'next', 'previous', 'stop', 'zone', 'volume 1', 'volume -1', 'quit']);
    view.unmount();
  });
});
