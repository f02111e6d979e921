import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic, type OutputPlace } from '../exports/files.js';
import type { OutputKind } from '../jobs/catalogue.js';

/**
 * Job files named by the period they cover (OutputKind.period): `wrapped-2026.html` for a
 * year, `wrapped-2026-11.html` for a month. A page is about its period, not about the moment
 * it was made, so a second run for the same period replaces the first one's page.
 */
const LABEL = { year: '\\d{4}', month: '\\d{4}-\\d{2}' } as const;

/** `<type>-<label>.<ext>`; the label must be of the kind's period ("2026" or "2026-11"). */
export function periodFileName(kind: OutputKind & { period: 'year' | 'month' }, label: string): string {
  if (!new RegExp(`^${LABEL[kind.period]}$`).test(label)) throw new Error(`"${label}" is not a ${kind.period} label`);
  return `${kind.type}-${label}.${kind.ext}`;
}

/** Keeps the newest `keep` periods of one kind in `dir` (a yearly page never pushes out a monthly one); returns the files removed. */
export function rotatePeriodFiles(dir: string, kind: OutputKind & { period: 'year' | 'month' }, keep: number): string[] {
  if (!existsSync(dir)) return [];
  const pattern = new RegExp(`^${kind.type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(${LABEL[kind.period]})\\.${kind.ext}$`);
  const removed = readdirSync(dir)
    .map((name) => ({ name, label: pattern.exec(name)?.[1] }))
    .filter((file): file is { name: string; label: string } => file.label !== undefined)
    // Labels sort as their periods do: "2026-11" after "2026-02", "2026" after "2025".
    .sort((a, b) => b.label.localeCompare(a.label))
    .slice(keep)
    .map((file) => join(dir, file.name));
  for (const path of removed) rmSync(path, { force: true });
  return removed;
}

/** Writes a period's page atomically under its name, then rotates its kind. */
export function publishPeriodOutput(place: OutputPlace, kind: OutputKind, label: string, content: string): string {
  if (!kind.period) throw new Error(`the ${kind.type} files are not named by period`);
  const periodic = { ...kind, period: kind.period };
  const path = join(place.dir, periodFileName(periodic, label));
  writeFileAtomic(path, content);
  rotatePeriodFiles(place.dir, periodic, place.keep);
  return path;
}
