import { UserError } from '../errors.js';
import type { Clock, SyncStateRepository } from '../ports.js';
import type { ListenIngest } from './ingest.js';
import type { ScrobblePage, ScrobbleSource } from './ports.js';

/** sync_state key of the running import's checkpoint. */
export const IMPORT_CHECKPOINT_KEY = 'lastfm.import';

const PAGE_SIZE = 200;
const LOVED_PAGE_SIZE = 200;
/** Pages asked for before they are needed: the network and Last.fm work while SQLite stores. */
const READ_AHEAD = 2;

export interface ImportRequest {
  /** Inclusive lower bound, UTC epoch seconds (default: the whole history). */
  readonly from?: number;
  /** Exclusive upper bound, UTC epoch seconds (default and cap: the moment the import starts). */
  readonly to?: number;
  /** At most this many scrobbles, newest first. */
  readonly limit?: number;
}

interface Checkpoint {
  readonly request: ImportRequest;
  /** The upper bound fixed when the import started: pages never shift under it. */
  readonly to: number;
  readonly nextPage: number;
  /** Scrobbles read so far (for --limit and progress). */
  readonly read: number;
}

export interface ImportProgress {
  readonly done: number;
  readonly total: number | null;
}

export interface ImportSummary {
  imported: number;
  skipped: number;
  failed: number;
  durationMs: number;
  /** Listens marked loved from user.getLovedTracks. */
  loved: number;
  /** The page this run started from (> 1 when it resumed an interrupted import). */
  startPage: number;
  pages: number;
  /** Scrobbles the account holds (user.getInfo), to compare with what was read. */
  accountPlaycount: number;
}

export interface ImportDeps {
  readonly source: ScrobbleSource;
  readonly ingest: ListenIngest;
  readonly state: SyncStateRepository;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
}

/**
 * The whole history (or a window of it), 200 scrobbles per page, newest page first, under an
 * upper bound fixed at the start. A checkpoint is written after every stored page, so an
 * interrupted import asked again with the same options resumes at the next page; pages read
 * twice store nothing twice. Then user.getLovedTracks marks the listens of loved tracks
 * (cheaper than asking every history page for loved flags).
 */
export async function importLastfmHistory(deps: ImportDeps, request: ImportRequest): Promise<ImportSummary> {
  const started = deps.clock.now();
  if (request.from !== undefined && request.to !== undefined && request.from >= request.to) throw new UserError('--from must be before --to');
  const profile = await deps.source.profile(deps.signal);
  const saved = await deps.state.get<Checkpoint>(IMPORT_CHECKPOINT_KEY);
  const nowBound = Math.floor(started / 1000) + 1;
  let checkpoint: Checkpoint =
    saved && sameRequest(saved.request, request) ? saved : { request, to: Math.min(request.to ?? nowBound, nowBound), nextPage: 1, read: 0 };
  const summary: ImportSummary = { imported: 0, skipped: 0, failed: 0, durationMs: 0, loved: 0, startPage: checkpoint.nextPage, pages: 0, accountPlaycount: profile.playcount };
  // Pages are read ahead while the current one is stored; a failure surfaces when its page is awaited.
  const ahead = new Map<number, Promise<ScrobblePage>>();
  const fetchPage = (page: number): Promise<ScrobblePage> => {
    const pending = ahead.get(page) ?? deps.source.recentTracks({ page, limit: PAGE_SIZE, from: request.from, to: checkpoint.to }, deps.signal);
    pending.catch(() => undefined);
    ahead.set(page, pending);
    return pending;
  };

  for (let page = checkpoint.nextPage, lastPage = page; page <= lastPage; page++) {
    const result = await fetchPage(page);
    ahead.delete(page);
    const wanted = request.limit === undefined ? result.plays.length : Math.max(0, request.limit - checkpoint.read);
    const plays = result.plays.slice(0, wanted);
    const stillWanted = request.limit === undefined ? Infinity : request.limit - checkpoint.read - plays.length;
    lastPage = Math.min(result.totalPages, page + Math.ceil(stillWanted / PAGE_SIZE));
    for (let later = page + 1; later <= Math.min(lastPage, page + READ_AHEAD); later++) fetchPage(later);
    const stored = await deps.ingest.record(plays);
    summary.imported += stored.imported;
    summary.skipped += stored.skipped;
    summary.failed += stored.failed;
    summary.pages++;
    checkpoint = { ...checkpoint, nextPage: page + 1, read: checkpoint.read + plays.length };
    await deps.state.set(IMPORT_CHECKPOINT_KEY, checkpoint);
    deps.onProgress?.({ done: checkpoint.read, total: request.limit === undefined ? result.total : Math.min(result.total, request.limit) });
  }

  summary.loved = await importLovedTracks(deps);
  await deps.state.delete(IMPORT_CHECKPOINT_KEY);
  summary.durationMs = deps.clock.now() - started;
  return summary;
}

async function importLovedTracks(deps: ImportDeps): Promise<number> {
  let marked = 0;
  for (let page = 1, totalPages = 1; page <= totalPages; page++) {
    const result = await deps.source.lovedTracks(page, LOVED_PAGE_SIZE, deps.signal);
    totalPages = result.totalPages;
    marked += deps.ingest.markLoved(result.tracks);
  }
  return marked;
}

function sameRequest(a: ImportRequest, b: ImportRequest): boolean {
  return a.from === b.from && a.to === b.to && a.limit === b.limit;
}
