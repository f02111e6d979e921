/** `roon.*`: the Roon connection, zones and playback (SPEC §4.2, §5). */
export type RoonConnectionState = 'stopped' | 'discovering' | 'connecting' | 'awaiting-approval' | 'connected' | 'reconnecting';
export type RoonPlayState = 'playing' | 'paused' | 'loading' | 'stopped';
export type RoonLoop = 'loop' | 'loop_one' | 'disabled';
export type RoonControl = 'play' | 'pause' | 'playpause' | 'stop' | 'previous' | 'next';

export interface RoonVolumeDto {
  readonly type: string;
  readonly value: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly step: number | null;
  readonly softLimit: number | null;
  readonly muted: boolean;
}

export interface RoonZoneDto {
  readonly id: string;
  readonly name: string;
  readonly state: RoonPlayState;
  readonly nowPlaying: { title: string; artist: string; album: string; length: number | null; seek: number | null } | null;
  /** The zone's first output that has a volume control; null when none has. */
  readonly volume: RoonVolumeDto | null;
  readonly outputs: { id: string; name: string; volume: RoonVolumeDto | null }[];
  readonly settings: { shuffle: boolean; loop: RoonLoop; radio: boolean };
}

export interface RoonStatusDto {
  readonly state: RoonConnectionState;
  readonly connected: boolean;
  readonly coreId: string | null;
  readonly coreName: string | null;
  /** host:port, or null with discovery. */
  readonly address: string | null;
  /** A pairing token is stored (roon.json). */
  readonly paired: boolean;
  readonly zones: number;
  readonly lastError: string | null;
}

/** What `roon.subscribe` returns and every `roon.zones` notification carries. */
export interface RoonSnapshot {
  readonly connection: RoonStatusDto;
  readonly zones: RoonZoneDto[];
  /** The zone this subscriber follows: its `zone` wish, else roon.defaultZone, else the playing one. */
  readonly zoneId: string | null;
}

export interface ZoneParam {
  /** Zone name or id; omitted: roon.defaultZone, else the playing zone. */
  readonly zone?: string;
}

export interface RoonTrackWish {
  readonly artist: string;
  readonly title: string;
  readonly album?: string | null;
}

export interface RoonMethods {
  'roon.status': { params: Record<string, never>; result: RoonStatusDto };
  'roon.pair': { params: { timeoutSeconds?: number }; result: RoonStatusDto };
  'roon.zones': { params: Record<string, never>; result: { zones: RoonZoneDto[]; connected: boolean } };
  'roon.control': { params: ZoneParam & { control: RoonControl }; result: { zone: string } };
  /** `how` defaults to absolute. */
  'roon.seek': { params: ZoneParam & { how?: 'absolute' | 'relative'; seconds: number }; result: { zone: string } };
  /** `how` defaults to absolute. */
  'roon.volume': {
    params: ZoneParam & { how?: 'absolute' | 'relative' | 'step'; value: number };
    result: { zone: string; changed: { outputId: string; name: string; value: number; how: string }[]; skipped: { outputId: string; name: string; reason: string }[] };
  };
  /** `how` defaults to toggle. */
  'roon.mute': { params: ZoneParam & { how?: 'mute' | 'unmute' | 'toggle' }; result: { zone: string; muted: boolean } };
  'roon.settings': { params: ZoneParam & { shuffle?: boolean; loop?: RoonLoop | 'next'; radio?: boolean }; result: { zone: string } };
  'roon.playAlbum': { params: ZoneParam & { artist: string; album: string }; result: { zone: string; title: string; artist: string } };
  'roon.playTracks': {
    params: ZoneParam & { tracks: RoonTrackWish[] };
    result: { zone: string; queued: { title: string; artist: string }[]; notFound: RoonTrackWish[] };
  };
  'roon.subscribe': { params: ZoneParam; result: RoonSnapshot };
  /** The cover of what the zone plays, scaled by the Core to fit width × height. */
  'roon.cover': { params: ZoneParam & { size?: number }; result: { zone: string; title: string; contentType: string; base64: string } };
}
