/**
 * Turning "volume 40", "volume +3" or one press of "+" into one absolute level per output
 * of a zone, inside each output's range and never above the soft limit the user set in
 * Roon. Outputs without a volume control are reported, not silently skipped.
 */
import { UserError } from '../errors.js';
import type { Zone, ZoneOutput } from './zone.js';

export type VolumeHow = 'absolute' | 'relative' | 'step';

export interface VolumeRequest {
  readonly how: VolumeHow;
  /** absolute: the level; relative: the change in the output's unit; step: how many steps (±). */
  readonly value: number;
}

export type OutputVolumeChange =
  | { readonly outputId: string; readonly name: string; readonly how: 'absolute'; readonly value: number }
  /** Incremental outputs (no known level) only take ±steps. */
  | { readonly outputId: string; readonly name: string; readonly how: 'relative_step'; readonly value: number };

export interface VolumePlan {
  readonly changes: OutputVolumeChange[];
  readonly skipped: { readonly outputId: string; readonly name: string; readonly reason: string }[];
}

export function planVolume(zone: Zone, request: VolumeRequest): VolumePlan {
  if (!Number.isFinite(request.value)) throw new UserError('volume must be a number');
  const plan: VolumePlan = { changes: [], skipped: [] };
  for (const output of zone.outputs) {
    const change = outputChange(output, request);
    if (typeof change === 'string') plan.skipped.push({ outputId: output.id, name: output.name, reason: change });
    else plan.changes.push(change);
  }
  if (plan.changes.length === 0) {
    const reasons = plan.skipped.map((s) => `${s.name} ${s.reason}`).join('; ');
    throw new UserError(`cannot change the volume of ${zone.name}: ${reasons}`);
  }
  return plan;
}

function outputChange(output: ZoneOutput, request: VolumeRequest): OutputVolumeChange | string {
  const volume = output.volume;
  if (!volume) return 'has no volume control (fixed volume)';
  if (volume.type === 'incremental' || volume.value === null) {
    if (request.how === 'absolute') return 'only takes volume steps (+/-), not a level';
    const steps = request.how === 'step' ? request.value : Math.sign(request.value);
    return { outputId: output.id, name: output.name, how: 'relative_step', value: Math.round(steps) };
  }
  const step = volume.step && volume.step > 0 ? volume.step : 1;
  const wanted =
    request.how === 'absolute' ? request.value : request.how === 'relative' ? volume.value + request.value : volume.value + request.value * step;
  const min = volume.min ?? Number.NEGATIVE_INFINITY;
  const ceiling = Math.min(volume.max ?? Number.POSITIVE_INFINITY, volume.softLimit ?? Number.POSITIVE_INFINITY);
  const clamped = Math.min(ceiling, Math.max(min, wanted));
  // Round onto the output's grid (0.5 dB, 1 %), staying inside the clamp.
  const base = volume.min ?? 0;
  let value = base + Math.round((clamped - base) / step) * step;
  if (value > ceiling) value -= step;
  if (value < min) value += step;
  return { outputId: output.id, name: output.name, how: 'absolute', value: Number(value.toFixed(4)) };
}
