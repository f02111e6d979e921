import { NotFoundError, UserError } from '../errors.js';
import type { ListenSource } from '../model.js';
import { nameKey } from '../names.js';
import { isCrossSourceCopy, WIDEST_WINDOW_SECONDS } from './same-play.js';
import { localDate, localDayRange, parseMoment } from '../time/days.js';
import { listenTimes } from '../time/shown.js';
import { wallClock } from '../time/zone.js';
import type { DuplicatePair, HistoryFilter, ListenJournal, ListenRow } from './ports.js';

export interface HistoryQuery {
  readonly page?: number;
  readonly pageSize?: number;
  /** "YYYY-MM-DD" (local day), ISO date-time or epoch seconds. */
  readonly since?: string;
  readonly until?: string;
  readonly artist?: string;
  readonly album?: string;
  readonly source?: ListenSource;
  readonly loved?: boolean;
}

export interface JournalEntry extends ListenRow {
  /** ISO 8601, UTC. */
  readonly date: string;
  /** "YYYY-MM-DD HH:MM" in the configured time zone. */
  readonly localTime: string;
}

export interface HistoryPage {
  readonly items: JournalEntry[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** The journal: newest first, filtered, one page at a time. */
export function historyPage(journal: ListenJournal, query: HistoryQuery, timeZone: string): HistoryPage {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const filter: HistoryFilter = {
    since: query.since === undefined ? undefined : parseMoment(query.since, timeZone, 'start'),
    until: query.until === undefined ? undefined : parseMoment(query.until, timeZone, 'end'),
    artistKey: query.artist === undefined ? undefined : requireKey(query.artist, 'artist'),
    albumKey: query.album === undefined ? undefined : requireKey(query.album, 'album'),
    source: query.source,
    loved: query.loved,
  };
  const rows = journal.page(filter, pageSize, (page - 1) * pageSize);
  const items = rows.map((row) => ({ ...row, ...listenTimes(row.timestamp, timeZone) }));
  return { items, total: journal.count(filter), page, pageSize };
}

function requireKey(name: string, what: string): string {
  const key = nameKey(name);
  if (!key) throw new UserError(`--${what} "${name}" has no letters or digits to match`);
  return key;
}

export interface TimelineHour {
  readonly hour: number;
  /** Newest first, as the journal. */
  readonly listens: { id: number; time: string; artist: string; title: string; album: string | null; source: ListenSource; loved: boolean }[];
}

export interface DayTimeline {
  readonly date: string;
  /** The configured zone, named as every other result names it. */
  readonly timezone: string;
  /** The same zone under its first name (kept: `--json` fields are never renamed). */
  readonly timeZone: string;
  /** Only hours that hold listens, earliest hour first. */
  readonly hours: TimelineHour[];
  readonly total: number;
  readonly uniqueArtists: number;
  readonly uniqueAlbums: number;
  /** The hour with the most listens (the earliest on a tie); null on an empty day. */
  readonly peakHour: number | null;
}

/** One local day, hour by hour. */
export function dayTimeline(journal: ListenJournal, date: string, timeZone: string): DayTimeline {
  const { start, end } = localDayRange(date, timeZone);
  const listens = journal.between(start, end);
  const byHour = new Map<number, TimelineHour['listens']>();
  for (const listen of listens) {
    const moment = wallClock(listen.timestamp, timeZone);
    const time = `${String(moment.hour).padStart(2, '0')}:${String(moment.minute).padStart(2, '0')}`;
    const bucket = byHour.get(moment.hour) ?? [];
    bucket.unshift({ id: listen.id, time, artist: listen.artist, title: listen.title, album: listen.album, source: listen.source, loved: listen.loved });
    byHour.set(moment.hour, bucket);
  }
  const hours = [...byHour.entries()].sort(([a], [b]) => a - b).map(([hour, entries]) => ({ hour, listens: entries }));
  let peakHour: number | null = null;
  let peak = 0;
  for (const { hour, listens: entries } of hours) {
    if (entries.length > peak) [peakHour, peak] = [hour, entries.length];
  }
  return {
    date,
    timezone: timeZone,
    timeZone,
    hours,
    total: listens.length,
    uniqueArtists: new Set(listens.map((listen) => listen.artistId)).size,
    uniqueAlbums: new Set(listens.filter((listen) => listen.albumId !== null).map((listen) => listen.albumId)).size,
    peakHour,
  };
}

export function today(timeZone: string, nowMs: number): string {
  return localDate(timeZone, Math.floor(nowMs / 1000));
}

/** Love or unlove: a loved track is loved in every listen of it. */
export function setLoved(journal: ListenJournal, listenId: number, loved: boolean): { id: number; trackId: number; loved: boolean; changed: number } {
  const result = journal.setLoved(listenId, loved);
  if (!result) throw new NotFoundError(`no listen with id ${listenId} (see aime history)`);
  return { id: listenId, ...result, loved };
}

export interface DedupeResult {
  readonly duplicates: number;
  readonly removed: number;
  readonly dryRun: boolean;
  /** The first pairs found, to show what would go. */
  readonly sample: DuplicatePair[];
}

/**
 * Merges listens that are one play stored twice, keeping the one stored first: the same
 * artist and title in the same second, or another source's copy by the cross-source rule
 * (core/listens/same-play.ts) — the rule ingest applies as plays arrive.
 * A listen already chosen for removal keeps nothing else out, so a chain a–b–c where only
 * a–b and b–c are copies removes b alone. A listen absorbs at most one copy from another
 * source (the closest): one Roon play and two scrobbles nearby are two listens, a replay.
 */
export function dedupeListens(journal: ListenJournal, dryRun: boolean): DedupeResult {
  const dropped = new Set<number>();
  const absorbedCopy = new Set<number>();
  const pairs: DuplicatePair[] = [];
  for (const candidate of journal.duplicateCandidates(WIDEST_WINDOW_SECONDS)) {
    const sameTime = candidate.keep.timestamp === candidate.drop.timestamp && candidate.keep.artistKey === candidate.drop.artistKey;
    if (!sameTime && !isCrossSourceCopy(candidate.drop, candidate.keep)) continue;
    const pair: DuplicatePair = { keepId: candidate.keepId, dropId: candidate.dropId, sameTime };
    if (dropped.has(pair.keepId) || dropped.has(pair.dropId)) continue;
    if (!pair.sameTime) {
      if (absorbedCopy.has(pair.keepId) || absorbedCopy.has(pair.dropId)) continue;
      absorbedCopy.add(pair.keepId);
    }
    dropped.add(pair.dropId);
    pairs.push(pair);
  }
  const removed = dryRun ? 0 : journal.merge(pairs);
  return { duplicates: pairs.length, removed, dryRun, sample: pairs.slice(0, 20) };
}
