import type { PlayReport } from '../model.js';
import type { ExportFormat } from './formats.js';

/** Why a record that is fine was not a listen; counted per reason in reports. */
export type SkipReason = 'podcast' | 'audiobook' | 'no track' | 'short' | 'incognito' | 'now playing';

/**
 * Where a reader puts what each record turned out to be. Every call is one record, so the
 * sink numbers records itself (1-based, in file order) for the failure reports.
 */
export interface RecordSink {
  play(play: PlayReport): void;
  skip(reason: SkipReason): void;
  fail(reason: string): void;
}

/**
 * One file's reader: called with each element its layout selects (a parsed JSON record, a
 * page, a CSV row), in order, with the current time for the future-date check. Readers are
 * created per file because some keep state between elements (a CSV header).
 */
export interface ExportReader {
  readonly format: ExportFormat;
  read(element: unknown, sink: RecordSink, nowSeconds: number): void;
}

/** A trimmed non-empty string, or null: exports write "", null or nothing for "unknown". */
export function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

const MBID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A MusicBrainz id, or null: players write placeholders ("mbz-123") and track names in the field. */
export function mbid(value: unknown): string | null {
  const id = text(value);
  return id !== null && MBID.test(id) ? id.toLowerCase() : null;
}

/** A number given as a number or as a numeric string (Last.fm writes "1749776100"). */
export function numeric(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** A positive whole number of seconds, or null. */
export function positiveSeconds(value: number | null): number | null {
  return value !== null && value > 0 ? Math.round(value) : null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
