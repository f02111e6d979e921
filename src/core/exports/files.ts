import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { OutputKind } from '../jobs/catalogue.js';
import { fileStamp } from '../time/shown.js';

/**
 * Writes `content` to `path` so that a reader sees either the old file or the whole new
 * one, never half of it: a temporary file in the same folder, flushed, then renamed.
 */
export function writeFileAtomic(path: string, content: string, mode = 0o600): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'w', mode);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes a job's file as `<type>-YYYYMMDD-HHMMSS.<ext>` (the zone's clock) into `dir`.
 * Two runs within the same second get `-2`, `-3`… so neither overwrites the other.
 */
export function writeOutputFile(dir: string, kind: OutputKind, content: string, epochMs: number, timeZone: string): string {
  const stem = `${kind.type}-${fileStamp(epochMs, timeZone)}`;
  let path = join(dir, `${stem}.${kind.ext}`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${stem}-${n}.${kind.ext}`);
  writeFileAtomic(path, content);
  return path;
}

/** Keeps the newest `keep` files of one type in `dir`; returns the files removed. */
export function rotateOutputFiles(dir: string, kind: OutputKind, keep: number): string[] {
  if (!existsSync(dir)) return [];
  const pattern = new RegExp(`^${escape(kind.type)}-(\\d{8}-\\d{6})(?:-(\\d+))?\\.${kind.ext}$`);
  const files = readdirSync(dir)
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((file): file is { name: string; match: RegExpExecArray } => file.match !== null)
    .map(({ name, match }) => ({ name, mtime: statSync(join(dir, name)).mtimeMs, stamp: match[1] ?? '', n: Number(match[2] ?? 1) }));
  // Newest first by modification time; the name (stamp, then same-second counter) breaks ties.
  files.sort((a, b) => b.mtime - a.mtime || b.stamp.localeCompare(a.stamp) || b.n - a.n);
  const removed = files.slice(keep).map((file) => join(dir, file.name));
  for (const path of removed) rmSync(path, { force: true });
  return removed;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface OutputPlace {
  readonly dir: string;
  readonly keep: number;
  readonly timezone: string;
}

/** A job's file: written atomically under its dated name, then older files of its type rotated out. */
export function publishOutput(place: OutputPlace, kind: OutputKind, content: string, epochMs: number): string {
  const path = writeOutputFile(place.dir, kind, content, epochMs, place.timezone);
  rotateOutputFiles(place.dir, kind, place.keep);
  return path;
}
