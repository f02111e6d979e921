// Roon's transport shapes as they arrive (shared/reference/roon-api.md §3.2), and the one
// pure mapper from them to core's Zone.
import type { LoopSetting, OutputVolume, Zone, ZoneOutput, ZonePlayState } from '../../core/roon/zone.js';

export interface WireVolume {
  type?: string;
  min?: number;
  max?: number;
  value?: number;
  step?: number;
  is_muted?: boolean;
  soft_limit?: number;
}

export interface WireOutput {
  output_id: string;
  zone_id: string;
  display_name: string;
  volume?: WireVolume;
}

export interface WireLines {
  line1?: string;
  line2?: string;
  line3?: string;
}

export interface WireZone {
  zone_id: string;
  display_name: string;
  outputs?: WireOutput[];
  state?: string;
  is_next_allowed?: boolean;
  is_previous_allowed?: boolean;
  is_pause_allowed?: boolean;
  is_play_allowed?: boolean;
  is_seek_allowed?: boolean;
  settings?: { loop?: string; shuffle?: boolean; auto_radio?: boolean };
  now_playing?: {
    seek_position?: number | null;
    length?: number;
    image_key?: string;
    one_line?: WireLines;
    two_line?: WireLines;
    three_line?: WireLines;
  };
}

export interface WireZoneSeek {
  zone_id: string;
  seek_position: number | null;
}

export interface ZonesMessage {
  zones?: WireZone[];
  zones_added?: WireZone[];
  zones_changed?: WireZone[];
  zones_removed?: string[];
  zones_seek_changed?: WireZoneSeek[];
}

const STATES: readonly ZonePlayState[] = ['playing', 'paused', 'loading', 'stopped'];
const LOOPS: readonly LoopSetting[] = ['loop', 'loop_one', 'disabled'];

export function toZone(wire: WireZone): Zone {
  const np = wire.now_playing;
  const lines = np?.three_line ?? np?.two_line ?? np?.one_line ?? {};
  return {
    id: wire.zone_id,
    name: wire.display_name,
    state: STATES.find((s) => s === wire.state) ?? 'stopped',
    outputs: (wire.outputs ?? []).map(toOutput),
    nowPlaying: np
      ? {
          title: lines.line1 ?? '',
          artist: lines.line2 ?? '',
          album: lines.line3 ?? '',
          length: typeof np.length === 'number' ? np.length : null,
          seek: typeof np.seek_position === 'number' ? np.seek_position : null,
          imageKey: np.image_key ?? null,
        }
      : null,
    settings: {
      shuffle: wire.settings?.shuffle === true,
      loop: LOOPS.find((l) => l === wire.settings?.loop) ?? 'disabled',
      radio: wire.settings?.auto_radio === true,
    },
    allowed: {
      play: wire.is_play_allowed === true,
      pause: wire.is_pause_allowed === true,
      next: wire.is_next_allowed === true,
      previous: wire.is_previous_allowed === true,
      seek: wire.is_seek_allowed === true,
    },
  };
}

function toOutput(wire: WireOutput): ZoneOutput {
  return { id: wire.output_id, name: wire.display_name, volume: wire.volume ? toVolume(wire.volume) : null };
}

function toVolume(wire: WireVolume): OutputVolume {
  const num = (value: number | undefined) => (typeof value === 'number' ? value : null);
  return {
    type: wire.type ?? 'number',
    min: num(wire.min),
    max: num(wire.max),
    value: num(wire.value),
    step: num(wire.step),
    softLimit: num(wire.soft_limit),
    muted: wire.is_muted === true,
  };
}

/** A zone with a new position (zones_seek_changed patches only that). */
export function withSeek(zone: Zone, seek: number | null): Zone {
  return zone.nowPlaying ? { ...zone, nowPlaying: { ...zone.nowPlaying, seek } } : zone;
}
