// `aime now` as data: a pure reducer over the daemon's zone snapshots and the user's zone
// choice, plus the selectors the screen and the plain printer share.
import type { RoonSnapshot, RoonZoneDto } from '../../rpc/methods/roon.js';

export interface NowState {
  readonly snapshot: RoonSnapshot | null;
  /** When the snapshot arrived (ms), to move the progress bar between seek updates. */
  readonly receivedAt: number;
  /** The zone picked with "z"; null follows the daemon's choice for this subscriber. */
  readonly pickedZoneId: string | null;
  readonly message: string | null;
  readonly daemonGone: boolean;
}

export type NowAction =
  | { readonly type: 'snapshot'; readonly snapshot: RoonSnapshot; readonly at: number }
  | { readonly type: 'next-zone' }
  | { readonly type: 'message'; readonly text: string | null }
  | { readonly type: 'daemon-gone' };

export const initialNowState: NowState = { snapshot: null, receivedAt: 0, pickedZoneId: null, message: null, daemonGone: false };

export function nowReducer(state: NowState, action: NowAction): NowState {
  switch (action.type) {
    case 'snapshot':
      return { ...state, snapshot: action.snapshot, receivedAt: action.at };
    case 'next-zone': {
      const zones = state.snapshot?.zones ?? [];
      if (zones.length === 0) return state;
      const at = zones.findIndex((z) => z.id === selectedZone(state)?.id);
      return { ...state, pickedZoneId: zones[(at + 1) % zones.length]?.id ?? null, message: null };
    }
    case 'message':
      return { ...state, message: action.text };
    case 'daemon-gone':
      return { ...state, daemonGone: true };
  }
}

export function selectedZone(state: NowState): RoonZoneDto | null {
  const zones = state.snapshot?.zones ?? [];
  const id = state.pickedZoneId ?? state.snapshot?.zoneId;
  return zones.find((z) => z.id === id) ?? zones[0] ?? null;
}

/** Roon is (re)connecting: the last state stays on screen, frozen. */
export function isReconnecting(state: NowState): boolean {
  return state.snapshot !== null && !state.snapshot.connection.connected;
}

/** The position now: the last seek, moved on by the time since it arrived while playing. */
export function positionAt(state: NowState, zone: RoonZoneDto, nowMs: number): number | null {
  const np = zone.nowPlaying;
  if (!np || np.seek === null) return null;
  if (zone.state !== 'playing' || isReconnecting(state)) return np.seek;
  const moved = np.seek + Math.max(0, nowMs - state.receivedAt) / 1000;
  return np.length === null ? moved : Math.min(np.length, moved);
}

export function clock(seconds: number | null): string {
  if (seconds === null) return '--:--';
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export function volumeLabel(zone: RoonZoneDto): string {
  const volume = zone.volume;
  if (!volume) return 'fixed volume';
  if (volume.muted) return 'muted';
  if (volume.value === null) return 'volume ±';
  return `vol ${volume.value}${volume.type === 'db' ? ' dB' : ''}`;
}

/** One line per change for status bars (`--plain`); the position is left out so it changes only with the music. */
export function plainLine(state: NowState): string {
  const zone = selectedZone(state);
  const prefix = isReconnecting(state) ? 'reconnecting… ' : '';
  if (!zone) return `${prefix}no Roon zones`;
  const np = zone.nowPlaying;
  const what = np ? `${[np.artist, np.title].filter(Boolean).join(' — ')}${np.album ? ` (${np.album})` : ''}` : 'nothing';
  return `${prefix}[${zone.state}] ${zone.name}: ${what} · ${volumeLabel(zone)}`;
}
