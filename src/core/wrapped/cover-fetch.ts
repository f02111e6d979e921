import type { YearInReview } from './model.js';
import type { CoverImages } from './page/covers.js';

/**
 * The cover pictures a year-in-review page embeds, gathered from wherever they come from
 * (the daemon over the socket for the CLI, the HTTP client for a job) within one deadline:
 * a cover that has not arrived by then is left out, so a slow or absent network makes a
 * page without pictures, never a late page.
 */
export interface WantedCover {
  readonly albumId: number;
  /** The stored cover URL the report names. */
  readonly coverUrl: string;
}

export interface CoverSource {
  /** The picture's bytes, or null when there is none to have; aborted once the deadline passes. */
  cover(album: WantedCover, signal: AbortSignal): Promise<Uint8Array | null>;
}

/** How long a whole page waits for its covers, and how many are asked for at once. */
export const COVER_DEADLINE_MS = 8000;
export const COVER_CONCURRENCY = 6;
/** One picture's own time limit: a host that stalls costs one slot, not the whole deadline. */
export const COVER_TIMEOUT_MS = 5000;

/** The albums the page shows with a cover and a stored cover URL, each once, in page order. */
export function pageCovers(report: YearInReview): WantedCover[] {
  const shown = [report.albumOfTheYear, ...report.topAlbums, report.collection.mostPlayed];
  const wanted = new Map<number, WantedCover>();
  for (const album of shown) {
    if (album && album.albumId !== null && album.coverUrl && !wanted.has(album.albumId)) wanted.set(album.albumId, { albumId: album.albumId, coverUrl: album.coverUrl });
  }
  return [...wanted.values()];
}

export interface GatherOptions {
  readonly deadlineMs?: number;
  readonly concurrency?: number;
  /** Called as covers arrive (or are given up): done of total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Asks for every cover, a few at a time; returns what arrived before the deadline. A failing source only loses its picture. */
export async function gatherCovers(albums: readonly WantedCover[], source: CoverSource, options: GatherOptions = {}): Promise<CoverImages> {
  const covers = new Map<number, Uint8Array>();
  if (!albums.length) return covers;
  const stop = new AbortController();
  const queue = [...albums];
  let done = 0;
  const worker = async () => {
    for (let album = queue.shift(); album && !stop.signal.aborted; album = queue.shift()) {
      try {
        const bytes = await source.cover(album, stop.signal);
        if (bytes && !stop.signal.aborted) covers.set(album.albumId, bytes);
      } catch {
        // No picture: the page shows a lettered tile instead.
      }
      if (!stop.signal.aborted) options.onProgress?.(++done, albums.length);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, options.deadlineMs ?? COVER_DEADLINE_MS);
  });
  const workers = Array.from({ length: Math.min(options.concurrency ?? COVER_CONCURRENCY, albums.length) }, worker);
  await Promise.race([Promise.all(workers), deadline]);
  clearTimeout(timer);
  // Requests still out are told to stop; a picture arriving after this is not added.
  stop.abort();
  return covers;
}
