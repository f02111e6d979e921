/**
 * The steps of describing new albums in the background (the daemon's `ai-describer` service
 * loops over them): albums are queued as rows (provider 'ai-description' in
 * enrichment_attempts, so the queue survives a restart) and described one at a time. A failure
 * is recorded with a growing retry delay; after five the album is left alone.
 */
import { NotFoundError, errorMessage } from '../errors.js';
import { writeAlbumText } from './album-texts.js';
import type { AiDeps, DescriptionAttempts } from './ports.js';

const MAX_ATTEMPTS = 5;
/** 10 minutes, then ×4 each time (40 min, 2 h 40…), at most a day: an outage passes, a bad album stops costing. */
const FIRST_RETRY_S = 600;
const LONGEST_RETRY_S = 86_400;

export type DescriptionOutcome = { readonly status: 'described' } | { readonly status: 'failed'; readonly error: unknown } | { readonly status: 'stopped' };

/** The first album whose description is due (queued, or retry time reached), if any. */
export async function nextAlbumToDescribe(attempts: DescriptionAttempts, now: number): Promise<number | undefined> {
  const [albumId] = await attempts.due(now, 1);
  return albumId;
}

/** Writes one album's description and records the attempt (with its retry time when it failed). */
export async function describeAlbum(deps: { readonly ai: AiDeps; readonly attempts: DescriptionAttempts }, albumId: number, signal: AbortSignal): Promise<DescriptionOutcome> {
  const nowSeconds = () => Math.floor(deps.ai.clock.now() / 1000);
  try {
    await writeAlbumText(deps.ai, { album: albumId, kind: 'description', signal });
    await deps.attempts.recordSuccess(albumId, nowSeconds());
    return { status: 'described' };
  } catch (error) {
    if (signal.aborted) return { status: 'stopped' };
    const now = nowSeconds();
    const gone = error instanceof NotFoundError;
    await deps.attempts.recordFailure(albumId, errorMessage(error), now, (attempts) =>
      gone || attempts >= MAX_ATTEMPTS ? null : now + Math.min(LONGEST_RETRY_S, FIRST_RETRY_S * 4 ** (attempts - 1)),
    );
    return { status: 'failed', error };
  }
}
