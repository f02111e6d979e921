// A zone's state inside the fake (queue, position, seek) and how it is shown on the wire.
import {
  FakeCoreError,
  type DisplayLines,
  type FakeTrack,
  type LoopMode,
  type NowPlaying,
  type Output,
  type QueueItem,
  type SourceControl,
  type Volume,
  type Zone,
  type ZonePlayState,
  type ZoneSeek,
  type ZoneSettings,
} from './types.js';

export interface FakeOutputSpec {
  output_id: string;
  display_name: string;
  /** Omit for a fixed-volume output (no volume control). */
  volume?: Volume;
  source_controls?: SourceControl[];
}

export interface FakeZoneSpec {
  /** Defaults to "1601" + the first output's id. */
  zone_id?: string;
  /** Defaults to the output names joined with " + ", as Roon names a group. */
  display_name?: string;
  outputs: FakeOutputSpec[];
  state?: 'playing' | 'paused' | 'stopped';
  queue?: FakeTrack[];
  seek?: number;
  settings?: Partial<ZoneSettings>;
}

export interface QueuedTrack extends FakeTrack {
  queue_item_id: number;
}

export interface ZoneModel {
  zone_id: string;
  display_name: string;
  outputs: Output[];
  state: ZonePlayState;
  /** Played and upcoming items; `index` is the one now playing (-1: nothing). */
  queue: QueuedTrack[];
  index: number;
  seek: number | null;
  settings: ZoneSettings;
}

const dbVolume = (value: number, softLimit: number): Volume => ({
  type: 'db',
  min: -80,
  max: 0,
  value,
  step: 0.5,
  is_muted: false,
  hard_limit_min: -80,
  hard_limit_max: 0,
  soft_limit: softLimit,
});

const numberVolume = (value: number, softLimit: number): Volume => ({
  type: 'number',
  min: 0,
  max: 100,
  value,
  step: 1,
  is_muted: false,
  hard_limit_min: 0,
  hard_limit_max: 100,
  soft_limit: softLimit,
});

/** Living Room (dB, soft limit, standby), Kitchen (0–100), a grouped zone, a fixed-volume streamer. */
export function defaultZoneSpecs(albumTracks: FakeTrack[]): FakeZoneSpec[] {
  return [
    {
      zone_id: '1601living',
      outputs: [
        {
          output_id: '1701living',
          display_name: 'Living Room',
          volume: dbVolume(-30, -10),
          source_controls: [
            { control_key: '1', display_name: 'Living Room Amp', supports_standby: true, status: 'selected' },
          ],
        },
      ],
      state: 'paused',
      queue: albumTracks,
    },
    { zone_id: '1601kitchen', outputs: [{ output_id: '1701kitchen', display_name: 'Kitchen', volume: numberVolume(25, 80) }] },
    {
      zone_id: '1601study',
      outputs: [
        { output_id: '1701study', display_name: 'Study', volume: numberVolume(30, 100) },
        { output_id: '1701bedroom', display_name: 'Bedroom', volume: numberVolume(20, 60) },
      ],
    },
    { zone_id: '1601streamer', outputs: [{ output_id: '1701streamer', display_name: 'Network Streamer' }] },
  ];
}

export function current(zone: ZoneModel): QueuedTrack | undefined {
  return zone.index >= 0 ? zone.queue[zone.index] : undefined;
}

export function displayLines(track: FakeTrack): DisplayLines {
  if (track.station !== undefined && track.length === undefined) {
    const withArtist = track.artist ? `${track.title} - ${track.artist}` : track.title;
    return {
      one_line: { line1: withArtist },
      two_line: { line1: track.title, line2: track.artist || track.station },
      three_line: { line1: track.title, line2: track.artist, line3: track.station },
    };
  }
  return {
    one_line: { line1: `${track.title} - ${track.artist}` },
    two_line: { line1: track.title, line2: track.artist },
    three_line: { line1: track.title, line2: track.artist, line3: track.album },
  };
}

function queueTimeRemaining(zone: ZoneModel): number {
  if (zone.index < 0) return 0;
  const lengths = zone.queue.slice(zone.index).reduce((sum, t) => sum + (t.length ?? 0), 0);
  return Math.max(0, lengths - (zone.seek ?? 0));
}

export function toWireZone(zone: ZoneModel): Zone {
  const track = current(zone);
  const canLoop = zone.settings.loop === 'loop' && zone.queue.length > 0;
  const wire: Zone = {
    zone_id: zone.zone_id,
    display_name: zone.display_name,
    outputs: structuredClone(zone.outputs),
    state: zone.state,
    is_next_allowed: track !== undefined && track.length !== undefined && (zone.index < zone.queue.length - 1 || canLoop),
    is_previous_allowed: track !== undefined && track.length !== undefined,
    is_pause_allowed: zone.state === 'playing',
    is_play_allowed: track !== undefined && zone.state !== 'playing',
    is_seek_allowed: track !== undefined && track.length !== undefined,
    queue_items_remaining: zone.index < 0 ? 0 : zone.queue.length - zone.index,
    queue_time_remaining: queueTimeRemaining(zone),
    settings: { ...zone.settings },
  };
  if (track) {
    wire.seek_position = zone.seek;
    wire.now_playing = nowPlaying(track, zone.seek);
  }
  return wire;
}

function nowPlaying(track: FakeTrack, seek: number | null): NowPlaying {
  const np: NowPlaying = { seek_position: seek, ...displayLines(track) };
  if (track.length !== undefined) np.length = track.length;
  if (track.image_key !== undefined) np.image_key = track.image_key;
  if (track.artist_image_key !== undefined) np.artist_image_keys = [track.artist_image_key];
  return np;
}

export function toZoneSeek(zone: ZoneModel): ZoneSeek {
  return { zone_id: zone.zone_id, seek_position: zone.seek, queue_time_remaining: queueTimeRemaining(zone) };
}

export function toQueueItems(zone: ZoneModel, max: number): QueueItem[] {
  if (zone.index < 0) return [];
  return zone.queue.slice(zone.index, zone.index + max).map((track) => {
    const item: QueueItem = { queue_item_id: track.queue_item_id, length: track.length ?? 0, ...displayLines(track) };
    if (track.image_key !== undefined) item.image_key = track.image_key;
    return item;
  });
}

/** Applies change_volume: clamps to min and to the soft limit, rounds to the step. */
export function changeVolume(output: Output, how: string, value: number): void {
  const volume = output.volume;
  if (!volume) throw new FakeCoreError('InvalidRequest', `output ${output.output_id} has no volume control`);
  if (how !== 'absolute' && how !== 'relative' && how !== 'relative_step') {
    throw new FakeCoreError('InvalidRequest', `bad value for how: ${how}`);
  }
  if (volume.type === 'incremental' || volume.value === undefined) return;
  const step = volume.step ?? 1;
  const target = how === 'absolute' ? value : how === 'relative' ? volume.value + value : volume.value + value * step;
  const min = volume.min ?? Number.NEGATIVE_INFINITY;
  const max = Math.min(volume.max ?? Number.POSITIVE_INFINITY, volume.soft_limit ?? Number.POSITIVE_INFINITY);
  const clamped = Math.min(max, Math.max(min, target));
  const base = Number.isFinite(min) ? min : 0;
  const stepped = base + Math.round((clamped - base) / step) * step;
  volume.value = Math.round(Math.min(max, Math.max(min, stepped)) * 1000) / 1000;
}

export function setMuted(output: Output, how: string): void {
  if (!output.volume) throw new FakeCoreError('InvalidRequest', `output ${output.output_id} has no volume control`);
  if (how !== 'mute' && how !== 'unmute') throw new FakeCoreError('InvalidRequest', `bad value for how: ${how}`);
  output.volume.is_muted = how === 'mute';
}

/** standby / toggle_standby / convenience_switch on the output's source controls. */
export function switchSource(output: Output, method: string, controlKey: string | undefined): void {
  const controls = (output.source_controls ?? []).filter(
    (c) => controlKey === undefined || c.control_key === controlKey,
  );
  if (method === 'convenience_switch') {
    for (const c of controls) c.status = 'selected';
    return;
  }
  const capable = controls.filter((c) => c.supports_standby);
  if (capable.length === 0) throw new FakeCoreError('InvalidRequest', `output ${output.output_id} does not support standby`);
  for (const c of capable) {
    c.status = method === 'toggle_standby' && c.status === 'standby' ? 'selected' : 'standby';
  }
}

export function modelFromSpec(spec: FakeZoneSpec, queued: (track: FakeTrack) => QueuedTrack): ZoneModel {
  const first = spec.outputs[0];
  if (!first) throw new Error('a zone needs at least one output');
  const zoneId = spec.zone_id ?? `1601${first.output_id}`;
  const ids = spec.outputs.map((o) => o.output_id);
  const queue = (spec.queue ?? []).map(queued);
  return {
    zone_id: zoneId,
    display_name: spec.display_name ?? spec.outputs.map((o) => o.display_name).join(' + '),
    outputs: spec.outputs.map((o) => ({ ...structuredClone(o), zone_id: zoneId, can_group_with_output_ids: ids })),
    state: queue.length > 0 ? (spec.state ?? 'paused') : 'stopped',
    queue,
    index: queue.length > 0 ? 0 : -1,
    seek: queue.length > 0 ? (spec.seek ?? 0) : null,
    settings: { loop: 'disabled', shuffle: false, auto_radio: false, ...spec.settings },
  };
}

const LOOP_ORDER: LoopMode[] = ['disabled', 'loop', 'loop_one'];

/** change_settings: booleans for shuffle/auto_radio; loop "next" cycles disabled → loop → loop_one. */
export function applySettings(settings: ZoneSettings, change: { shuffle?: unknown; auto_radio?: unknown; loop?: unknown }): void {
  if (typeof change.shuffle === 'boolean') settings.shuffle = change.shuffle;
  if (typeof change.auto_radio === 'boolean') settings.auto_radio = change.auto_radio;
  if (change.loop === undefined) return;
  if (change.loop === 'next') {
    settings.loop = LOOP_ORDER[(LOOP_ORDER.indexOf(settings.loop) + 1) % LOOP_ORDER.length] ?? 'disabled';
  } else if (LOOP_ORDER.includes(change.loop as LoopMode)) {
    settings.loop = change.loop as LoopMode;
  } else {
    throw new FakeCoreError('InvalidRequest', `bad value for loop: ${String(change.loop)}`);
  }
}
