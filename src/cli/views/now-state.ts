// `aime now` as data: a pure reducer over the daemon's zone snapshots, what other players
// report playing, and the user's zone choice, plus the selectors the screen and the plain
// printer share.
import type { PlayingElsewhereDto } from '../../rpc/methods/now.js';
import type { RoonSnapshot, RoonStatusDto, RoonZoneDto } from '../../rpc/methods/roon.js';

export interface NowState {
  readonly snapshot: RoonSnapshot | null;
  /** When the snapshot arrived (ms), to move the progress bar between seek updates. */
  readonly receivedAt: number;
  /** The zone picked with "z"; null follows the daemon's choice (or the music, below). */
  readonly pickedZoneId: string | null;
  /**
   * No --zone and no roon.defaultZone: the screen goes where the music is — the zone that
   * plays, else the one that played last — instead of the daemon's fixed pick.
   */
  readonly followPlaying: boolean;
  /** The zone followed that way (kept when it stops, so the last active zone stays shown). */
  readonly followedZoneId: string | null;
  /** What another player (Navidrome, Plex…) reports playing through the HTTP listener. */
  readonly elsewhere: PlayingElsewhereDto | null;
  readonly message: string | null;
  readonly daemonGone: boolean;
}

export type NowAction =
  | { readonly type: 'snapshot'; readonly snapshot: RoonSnapshot; readonly at: number }
  | { readonly type: 'elsewhere'; readonly playing: PlayingElsewhereDto | null }
  | { readonly type: 'next-zone' }
  | { readonly type: 'message'; readonly text: string | null }
  | { readonly type: 'daemon-gone' };

export const initialNowState: NowState = { snapshot: null, receivedAt: 0, pickedZoneId: null, followPlaying: false, followedZoneId: null, elsewhere: null, message: null, daemonGone: false };

/** The state `aime now` starts in: following the music when no zone was named. */
export function startingNowState(followPlaying: boolean): NowState {
  return { ...initialNowState, followPlaying };
}

export function nowReducer(state: NowState, action: NowAction): NowState {
  switch (action.type) {
    case 'snapshot': {
      const followedZoneId = state.followPlaying ? followedZone(state, action.snapshot) : null;
      return { ...state, snapshot: action.snapshot, receivedAt: action.at, followedZoneId };
    }
    case 'elsewhere':
      return { ...state, elsewhere: action.playing };
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
  const id = state.pickedZoneId ?? (state.followPlaying ? state.followedZoneId : null) ?? state.snapshot?.zoneId;
  return zones.find((z) => z.id === id) ?? zones[0] ?? null;
}

/**
 * Where the music is in a new snapshot: the followed zone while it plays; else a zone that
 * just started (or still) plays; else the followed zone again, the last one active; at the
 * very start, a zone holding a paused track before an idle one, then the daemon's pick.
 */
function followedZone(state: NowState, snapshot: RoonSnapshot): string | null {
  const zones = snapshot.zones;
  if (zones.length === 0) return state.followedZoneId;
  const current = zones.find((z) => z.id === state.followedZoneId);
  if (current?.state === 'playing') return current.id;
  const playedBefore = new Set((state.snapshot?.zones ?? []).filter((z) => z.state === 'playing').map((z) => z.id));
  const playing = zones.filter((z) => z.state === 'playing');
  const started = playing.find((z) => !playedBefore.has(z.id)) ?? playing[0];
  if (started) return started.id;
  if (current) return current.id;
  const holding = zones.find((z) => z.nowPlaying !== null && z.state !== 'stopped');
  return holding?.id ?? snapshot.zoneId ?? zones[0]?.id ?? null;
}

/**
 * Another player's track, shown while no Roon zone plays: Roon first when it plays (it is
 * the one `aime now` controls), the other player's music rather than an idle zone or a
 * missing Core otherwise.
 */
export function elsewhereShown(state: NowState): PlayingElsewhereDto | null {
  if (!state.elsewhere) return null;
  const roonPlays = (state.snapshot?.zones ?? []).some((zone) => zone.state === 'playing');
  return roonPlays ? null : state.elsewhere;
}

/** "Navidrome", "Plex via multi-scrobbler", or "another player" when the client gave no name. */
export function elsewhereName(playing: PlayingElsewhereDto): string {
  return playing.client ?? 'another player';
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

/**
 * Why there is no zone to show, in words a person can act on: no Core found yet (and how
 * to point AIME at one), waiting for "Enable" in Roon, or a Core without zones.
 */
export function noZoneReason(connection: RoonStatusDto | null): string {
  if (!connection) return 'Connecting to the AIME daemon…';
  if (connection.connected) return 'The Roon Core reports no zones.';
  switch (connection.state) {
    case 'awaiting-approval':
      return `Roon Core found${connection.address ? ` at ${connection.address}` : ''}: enable AIME in Roon → Settings → Extensions (aime roon pair).`;
    case 'stopped':
      return 'The Roon connection is stopped: run aime roon pair.';
    default:
      // With an address the Core was named (roon.host) or found once; without, discovery finds none.
      return connection.address
        ? `No Roon Core found at ${connection.address} yet (still trying): check roon.host and roon.port, then run aime roon pair.`
        : 'No Roon Core found on the local network yet (still looking): set its address with aime config set roon.host <ip>, then run aime roon pair.';
  }
}

/** One line per change for status bars (`--plain`); the position is left out so it changes only with the music. */
export function plainLine(state: NowState): string {
  const elsewhere = elsewhereShown(state);
  if (elsewhere) return `[playing] ${elsewhereName(elsewhere)}: ${trackWords(elsewhere)}`;
  const zone = selectedZone(state);
  if (!zone) return noZoneReason(state.snapshot?.connection ?? null);
  const prefix = isReconnecting(state) ? 'reconnecting… ' : '';
  const np = zone.nowPlaying;
  const what = np ? trackWords(np) : 'nothing';
  return `${prefix}[${zone.state}] ${zone.name}: ${what} · ${volumeLabel(zone)}`;
}

/** "Björk — Jóga (Homogenic)". */
function trackWords(track: { artist: string; title: string; album: string | null }): string {
  return `${[track.artist, track.title].filter(Boolean).join(' — ')}${track.album ? ` (${track.album})` : ''}`;
}
