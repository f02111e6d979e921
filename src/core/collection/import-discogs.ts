import { AimeError } from '../errors.js';
import type { AlbumEvents, Clock, SyncStateRepository } from '../ports.js';
import type { CollectionPage, ImportSummary } from './model.js';
import type { CollectionRepository, CollectionSource } from './ports.js';

/** The newest `date_added` of the last finished import: incremental runs stop there. */
export const DISCOGS_CURSOR_KEY = 'discogs.collection.cursor';
/** Where an import stands, written after every page: a crashed import resumes from it. */
export const DISCOGS_CHECKPOINT_KEY = 'discogs.collection.checkpoint';

interface Cursor {
  readonly lastDateAdded: number;
}

interface Checkpoint {
  username: string;
  full: boolean;
  nextPage: number;
  /** Copies older than this were imported before (null: read everything). */
  stopAt: number | null;
  newest: number | null;
  /** Marks the copies this import saw (its start in ms), so a full one can drop the others. */
  run: number;
  imported: number;
  skipped: number;
  failed: number;
}

export interface ImportDiscogsDeps {
  readonly source: CollectionSource;
  readonly collection: CollectionRepository;
  readonly syncState: SyncStateRepository;
  readonly events?: AlbumEvents;
  readonly clock: Clock;
}

export interface ImportDiscogsOptions {
  /** Re-read the whole collection (and drop copies no longer in it). */
  readonly full?: boolean;
  /** Whose collection; the token's owner when unset. */
  readonly username?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number | null) => void;
}

/**
 * Imports the Discogs collection (folder 0, 100 per page, newest first). Incremental by
 * default: it stops at the first copy older than the last import's newest one. Every page
 * is stored, then the checkpoint moves on, so a crash costs at most one page re-read and
 * re-reading stores nothing twice (copies are keyed by instance id).
 */
export async function importDiscogsCollection(deps: ImportDiscogsDeps, options: ImportDiscogsOptions = {}): Promise<ImportSummary> {
  const started = deps.clock.now();
  const { signal } = options;
  const owner = await deps.source.identity(signal);
  const username = options.username || owner;
  const saved = await deps.syncState.get<Checkpoint>(DISCOGS_CHECKPOINT_KEY);
  const resumed = saved !== undefined && saved.username === username && (saved.full || !options.full);
  const cursor = await deps.syncState.get<Cursor>(DISCOGS_CURSOR_KEY);
  const checkpoint: Checkpoint = resumed
    ? saved
    : {
        username,
        full: options.full === true || cursor === undefined,
        nextPage: 1,
        stopAt: options.full ? null : cursor?.lastDateAdded ?? null,
        newest: null,
        run: started,
        imported: 0,
        skipped: 0,
        failed: 0,
      };
  if (!resumed) await deps.syncState.set(DISCOGS_CHECKPOINT_KEY, checkpoint);
  let done = (checkpoint.nextPage - 1) * 100;
  let pagesRead = 0;
  for (;;) {
    const page = await readPage(deps.source, username, checkpoint.nextPage, signal);
    if (!page) break;
    pagesRead += 1;
    checkpoint.newest ??= page.copies[0]?.dateAdded ?? null;
    const stopAt = checkpoint.stopAt;
    const older = stopAt === null ? -1 : page.copies.findIndex((copy) => copy.dateAdded < stopAt);
    const fresh = older < 0 ? page.copies : page.copies.slice(0, older);
    const stored = await deps.collection.storeCopies(fresh, checkpoint.run);
    checkpoint.imported += stored.created;
    checkpoint.skipped += stored.updated;
    checkpoint.failed += page.rejected;
    if (stored.newAlbumIds.length) deps.events?.albumsCreated(stored.newAlbumIds);
    done += fresh.length + page.rejected;
    options.onProgress?.(done, checkpoint.stopAt === null ? page.items : null);
    if (older >= 0 || checkpoint.nextPage >= page.pages) break;
    checkpoint.nextPage += 1;
    await deps.syncState.set(DISCOGS_CHECKPOINT_KEY, checkpoint);
  }
  const removed = checkpoint.full ? await deps.collection.removeCopiesNotSeenBy(checkpoint.run) : 0;
  const newest = Math.max(checkpoint.newest ?? 0, cursor?.lastDateAdded ?? 0);
  if (newest > 0) await deps.syncState.set(DISCOGS_CURSOR_KEY, { lastDateAdded: newest } satisfies Cursor);
  await deps.syncState.delete(DISCOGS_CHECKPOINT_KEY);
  return {
    imported: checkpoint.imported,
    skipped: checkpoint.skipped,
    failed: checkpoint.failed,
    removed,
    pages: pagesRead,
    durationMs: deps.clock.now() - started,
    resumed,
  };
}

/**
 * A page, or undefined when a resumed import asks past the end (copies were removed
 * since the crash): Discogs answers 404 "out of range" there, which means "done".
 */
async function readPage(source: CollectionSource, username: string, page: number, signal?: AbortSignal): Promise<CollectionPage | undefined> {
  try {
    return await source.collectionPage(username, page, signal);
  } catch (error) {
    if (page > 1 && error instanceof AimeError && error.kind === 'not-found') return undefined;
    throw error;
  }
}
