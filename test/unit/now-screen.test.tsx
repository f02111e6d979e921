// The `aime now` screen with ink-testing-library: the reducer and view render what plays,
// the bar ticks between seek updates, "reconnecting…" keeps the last state, keys act.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { RoonSnapshot, RoonZoneDto } from '../../src/rpc/methods/roon.js';
import { initialNowState, nowReducer, plainLine, selectedZone, startingNowState, type NowState } from '../../src/cli/views/now-state.js';
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

  it('with no zone named, follows the zone that plays, stays on the last active one, and switches when another starts', () => {
    const study: RoonZoneDto = { ...kitchen, id: '1601study', name: 'Study', state: 'stopped', nowPlaying: null };
    const paused = (zone: RoonZoneDto): RoonZoneDto => ({ ...zone, state: 'paused', nowPlaying: zone.nowPlaying ?? living.nowPlaying });
    const playing = (zone: RoonZoneDto): RoonZoneDto => ({ ...zone, state: 'playing', nowPlaying: zone.nowPlaying ?? living.nowPlaying });
    const zonesAre = (zones: RoonZoneDto[]): RoonSnapshot => ({ ...snapshot(true, zones), zoneId: zones[0]?.id ?? null });
    const shown = (state: NowState) => selectedZone(state)?.name;
    const step = (state: NowState, zones: RoonZoneDto[]) => nowReducer(state, { type: 'snapshot', snapshot: zonesAre(zones), at });

    // Nothing plays at the start: the zone holding a paused track, not the daemon's idle first zone.
    let state = step(startingNowState(true), [study, kitchen, paused(living)]);
    expect(shown(state)).toBe('Living Room');
    state = step(state, [study, playing(kitchen), paused(living)]);
    expect(shown(state)).toBe('Kitchen');
    // It stops: nothing plays, the last active zone stays on screen.
    state = step(state, [study, paused(kitchen), paused(living)]);
    expect(shown(state)).toBe('Kitchen');
    expect(plainLine(state)).toMatch(/^\[paused\] Kitchen: /);
    // Another zone starts: the screen goes there.
    state = step(state, [playing(study), paused(kitchen), paused(living)]);
    expect(shown(state)).toBe('Study');
    // Two play: the one followed stays while it plays; the other takes over once it stops.
    state = step(state, [playing(study), playing(kitchen), paused(living)]);
    expect(shown(state)).toBe('Study');
    state = step(state, [paused(study), playing(kitchen), paused(living)]);
    expect(shown(state)).toBe('Kitchen');
    // "z" is the person's choice: the screen stops following.
    state = nowReducer(state, { type: 'next-zone' });
    expect(shown(state)).toBe('Living Room');
    state = step(state, [playing(study), paused(kitchen), paused(living)]);
    expect(shown(state)).toBe('Living Room');
  });

  it('with --zone or roon.defaultZone, shows the daemon\'s pick even when another zone plays', () => {
    const state = nowReducer(startingNowState(false), { type: 'snapshot', snapshot: { ...snapshot(true, [living, { ...kitchen, state: 'playing' }]), zoneId: '1601kitchen' }, at });
    expect(selectedZone(state)?.name).toBe('Kitchen');
    const paused = nowReducer(state, { type: 'snapshot', snapshot: { ...snapshot(true, [living, kitchen]), zoneId: '1601kitchen' }, at });
    expect(selectedZone(paused)?.name).toBe('Kitchen');
  });

  it('says that no Core was found and how to point AIME at one, instead of "reconnecting…" forever', () => {
    const searching = (address: string | null, state: 'discovering' | 'reconnecting' | 'awaiting-approval' = 'discovering'): RoonSnapshot => ({
      connection: { state, connected: false, coreId: null, coreName: null, address, paired: false, zones: 0, lastError: 'no Roon Core answered on the local network' },
      zones: [],
      zoneId: null,
    });
    const discovery = received(searching(null));
    expect(plainLine(discovery)).toBe('No Roon Core found on the local network yet (still looking): set its address with aime config set roon.host <ip>, then run aime roon pair.');
    expect(plainLine(discovery)).not.toContain('reconnecting');
    const view = render(<NowView state={discovery} now={at} width={30} />);
    expect(view.lastFrame()?.replace(/\s+/g, ' ')).toContain('No Roon Core found on the local network yet (still looking): set its address with aime config set roon.host <ip>, then run aime roon pair.');
    view.unmount();
    expect(plainLine(received(searching('192.168.1.20:9330', 'reconnecting')))).toBe('No Roon Core found at 192.168.1.20:9330 yet (still trying): check roon.host and roon.port, then run aime roon pair.');
    expect(plainLine(received(searching('192.168.1.20:9330', 'awaiting-approval')))).toBe('Roon Core found at 192.168.1.20:9330: enable AIME in Roon → Settings → Extensions (aime roon pair).');
    expect(plainLine(received(snapshot(true, [])))).toBe('The Roon Core reports no zones.');
  });

  it('shows what another player reports while no Roon zone plays, Roon again once a zone plays', () => {
    const navidrome = { artist: 'Air', title: 'La femme d’argent', album: 'Moon Safari', client: 'Navidrome', durationSeconds: 427, since: new Date(at).toISOString(), until: new Date(at + 427_000).toISOString() };
    const paused = { ...living, state: 'paused' as const };
    let state = nowReducer(received(snapshot(true, [paused, kitchen])), { type: 'elsewhere', playing: navidrome });
    expect(plainLine(state)).toBe('[playing] Navidrome: Air — La femme d’argent (Moon Safari)');
    const view = render(<NowView state={state} now={at + 62_000} width={30} />);
    const frame = view.lastFrame() ?? '';
    expect(frame).toContain('Navidrome · playing');
    expect(frame).toMatch(/La femme d’argent\s*\n\s*Air\s*\n\s*Moon Safari/);
    expect(frame).toContain('1:02 / 7:07');
    expect(frame).toContain('Roon: Living Room · paused');
    view.unmount();

    state = nowReducer(state, { type: 'snapshot', snapshot: snapshot(true, [living, kitchen]), at });
    expect(plainLine(state)).toBe('[playing] Living Room: Björk — Jóga (Homogenic) · vol -30 dB');
    state = nowReducer(state, { type: 'snapshot', snapshot: snapshot(true, [paused, kitchen]), at });
    expect(plainLine(state)).toMatch(/^\[playing\] Navidrome: /);
    // Its time up (the daemon says null): the idle zone again.
    state = nowReducer(state, { type: 'elsewhere', playing: null });
    expect(plainLine(state)).toBe('[paused] Living Room: Björk — Jóga (Homogenic) · vol -30 dB');

    // No Roon Core at all, and a player that names nobody.
    const noCore: RoonSnapshot = { connection: { state: 'discovering', connected: false, coreId: null, coreName: null, address: null, paired: false, zones: 0, lastError: null }, zones: [], zoneId: null };
    const anonymous = nowReducer(received(noCore), { type: 'elsewhere', playing: { ...navidrome, client: null, album: null, durationSeconds: null } });
    expect(plainLine(anonymous)).toBe('[playing] another player: Air — La femme d’argent');
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
