// Wire shapes of the fake Core's transport service, as Roon sends them (roon-api.md §3.2).

export type ZonePlayState = 'playing' | 'paused' | 'loading' | 'stopped';
export type LoopMode = 'loop' | 'loop_one' | 'disabled';
export type TransportControl = 'play' | 'pause' | 'playpause' | 'stop' | 'previous' | 'next';

export interface ZoneSettings {
  loop: LoopMode;
  shuffle: boolean;
  auto_radio: boolean;
}

export interface DisplayLines {
  one_line: { line1: string };
  two_line: { line1: string; line2?: string };
  three_line: { line1: string; line2?: string; line3?: string };
}

export interface NowPlaying extends DisplayLines {
  seek_position: number | null;
  length?: number;
  image_key?: string;
  artist_image_keys?: string[];
}

export interface Volume {
  type: 'number' | 'db' | 'incremental' | string;
  min?: number;
  max?: number;
  value?: number;
  step?: number;
  is_muted?: boolean;
  hard_limit_min?: number;
  hard_limit_max?: number;
  soft_limit?: number;
}

export interface SourceControl {
  control_key: string;
  display_name: string;
  supports_standby: boolean;
  status: 'selected' | 'deselected' | 'standby' | 'indeterminate';
}

export interface Output {
  output_id: string;
  zone_id: string;
  display_name: string;
  can_group_with_output_ids: string[];
  volume?: Volume;
  source_controls?: SourceControl[];
}

export interface Zone {
  zone_id: string;
  display_name: string;
  outputs: Output[];
  state: ZonePlayState;
  seek_position?: number | null;
  is_next_allowed: boolean;
  is_previous_allowed: boolean;
  is_pause_allowed: boolean;
  is_play_allowed: boolean;
  is_seek_allowed: boolean;
  queue_items_remaining: number;
  queue_time_remaining: number;
  settings: ZoneSettings;
  now_playing?: NowPlaying;
}

export interface ZoneSeek {
  zone_id: string;
  seek_position: number | null;
  queue_time_remaining: number;
}

export interface QueueItem extends DisplayLines {
  queue_item_id: number;
  length: number;
  image_key?: string;
}

/** A track as the fake plays it. No `length` means a live stream (radio). */
export interface FakeTrack {
  title: string;
  artist: string;
  album: string;
  length?: number;
  image_key?: string;
  artist_image_key?: string;
  /** Set for internet radio: the station's name (shown as line 3). */
  station?: string;
}

export interface ZonesChanged {
  zones_added?: Zone[];
  zones_changed?: Zone[];
  zones_removed?: string[];
  zones_seek_changed?: ZoneSeek[];
}

export interface OutputsChanged {
  outputs_added?: Output[];
  outputs_changed?: Output[];
  outputs_removed?: string[];
}

/** A request the Core refuses: sent back as `COMPLETE <status> {message}`. */
export class FakeCoreError extends Error {
  constructor(
    readonly status: string,
    message: string,
  ) {
    super(message);
    this.name = 'FakeCoreError';
  }
}
