/**
 * What AIME knows of a Roon zone, whatever the wire said: plain fields, nulls instead of
 * absent keys, and the few rules that read it (which zone a name or id means).
 */
import { NotFoundError, UserError } from '../errors.js';
import { nameKey } from '../names.js';

export type ZonePlayState = 'playing' | 'paused' | 'loading' | 'stopped';
export type LoopSetting = 'loop' | 'loop_one' | 'disabled';

export interface OutputVolume {
  /** "number", "db", "incremental" or a type Roon adds later (read like "number"). */
  readonly type: string;
  readonly min: number | null;
  readonly max: number | null;
  readonly value: number | null;
  readonly step: number | null;
  /** The highest level the user allows in Roon; volume changes never go above it. */
  readonly softLimit: number | null;
  readonly muted: boolean;
}

export interface ZoneOutput {
  readonly id: string;
  readonly name: string;
  /** null: a fixed-volume output (no volume control). */
  readonly volume: OutputVolume | null;
}

export interface NowPlaying {
  readonly title: string;
  readonly artist: string;
  readonly album: string;
  /** Seconds; null for a live stream. */
  readonly length: number | null;
  /** Seconds; null while loading. */
  readonly seek: number | null;
  readonly imageKey: string | null;
}

export interface Zone {
  readonly id: string;
  readonly name: string;
  readonly state: ZonePlayState;
  readonly outputs: readonly ZoneOutput[];
  readonly nowPlaying: NowPlaying | null;
  readonly settings: { readonly shuffle: boolean; readonly loop: LoopSetting; readonly radio: boolean };
  readonly allowed: { readonly play: boolean; readonly pause: boolean; readonly next: boolean; readonly previous: boolean; readonly seek: boolean };
}

/**
 * The zone a user means: an exact id, an output id, or a name (case, accents and "The "
 * ignored). Without a wish, the configured default, else the playing zone, else the first.
 */
export function resolveZone(zones: readonly Zone[], wanted: string | undefined, fallback: string | undefined): Zone {
  if (zones.length === 0) throw new NotFoundError('the Roon Core reports no zones');
  const target = wanted ?? fallback;
  if (target === undefined || target === '') return zones.find((z) => z.state === 'playing') ?? (zones[0] as Zone);
  const byId = zones.find((z) => z.id === target || z.outputs.some((o) => o.id === target));
  if (byId) return byId;
  const key = nameKey(target);
  const byName = zones.filter((z) => nameKey(z.name) === key);
  if (byName.length === 1) return byName[0] as Zone;
  const partial = zones.filter((z) => nameKey(z.name).includes(key));
  if (partial.length === 1) return partial[0] as Zone;
  const names = zones.map((z) => `"${z.name}"`).join(', ');
  if (partial.length > 1) throw new UserError(`zone "${target}" is ambiguous (zones: ${names})`);
  throw new NotFoundError(`no Roon zone named "${target}" (zones: ${names})`);
}

/** The volume a person reads for a zone: its first output that has a volume control. */
export function zoneVolume(zone: Zone): OutputVolume | null {
  return zone.outputs.find((o) => o.volume !== null)?.volume ?? null;
}
