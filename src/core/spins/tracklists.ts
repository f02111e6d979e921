import { AimeError, AuthError, NotFoundError, RetryLaterError, UserError, errorMessage } from '../errors.js';
import type { Clock } from '../ports.js';
import type { TracklistTrack } from './model.js';
import type { TracklistSource, TracklistStore } from './ports.js';

/** Discogs does merge and delete releases; one it does not know is asked about again after a month. */
const NOT_FOUND_RETRY_SECONDS = 30 * 86_400;
/** A failed fetch is tried again after 15 min, doubling up to a day. */
const FIRST_RETRY_SECONDS = 15 * 60;
const LAST_RETRY_SECONDS = 86_400;

export interface TracklistDeps {
  readonly store: TracklistStore;
  /** The Discogs client as configured now; undefined when Discogs is not configured. */
  readonly source: () => TracklistSource | undefined;
  readonly clock: Clock;
}

/** What one background step did. */
export type FetchOutcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'fetched'; readonly releaseId: number; readonly tracks: number }
  | { readonly kind: 'not-found'; readonly releaseId: number }
  /** The release's attempt failed (its retry time is stored); `error` says why. */
  | { readonly kind: 'failed'; readonly releaseId: number; readonly error: AimeError };

/**
 * The background worker's step: fetch the tracklist of the next owned release that needs
 * one (never asked, or its retry time has come), paced as background work. Every outcome
 * is a row, so a restart (even after kill -9) goes on with what is still missing and never
 * asks again for what failed a minute ago. A refused token is not the release's fault: it
 * is thrown, and nothing is recorded against the release.
 */
export async function fetchNextTracklist(deps: TracklistDeps, signal?: AbortSignal): Promise<FetchOutcome> {
  const source = deps.source();
  if (!source) return { kind: 'idle' };
  const [next] = deps.store.due(nowSeconds(deps.clock), 1);
  if (!next) return { kind: 'idle' };
  try {
    const tracks = await source.releaseTracklist(next.releaseId, { signal, background: true });
    deps.store.saveTracks(next.releaseId, tracks, nowSeconds(deps.clock));
    return { kind: 'fetched', releaseId: next.releaseId, tracks: tracks.length };
  } catch (error) {
    if (signal?.aborted || error instanceof AuthError) throw error;
    const now = nowSeconds(deps.clock);
    if (error instanceof NotFoundError) {
      deps.store.saveFailure(next.releaseId, { status: 'not-found', error: 'Discogs has no such release', nextRetryAt: now + NOT_FOUND_RETRY_SECONDS }, now);
      return { kind: 'not-found', releaseId: next.releaseId };
    }
    const failure = error instanceof AimeError ? error : new RetryLaterError(errorMessage(error), { cause: error });
    const wait = Math.min(LAST_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** next.attempts);
    deps.store.saveFailure(next.releaseId, { status: 'failed', error: failure.message, nextRetryAt: now + wait }, now);
    return { kind: 'failed', releaseId: next.releaseId, error: failure };
  }
}

/**
 * The tracklist `spin` plays from: the stored one, or asked for now when missing (the
 * person is waiting: whatever the retry time says, and paced as foreground work).
 */
export async function tracklistOf(
  deps: TracklistDeps,
  releaseId: number,
  options: { signal?: AbortSignal; onFetch?: () => void } = {},
): Promise<TracklistTrack[]> {
  const stored = deps.store.tracks(releaseId);
  if (stored) return stored;
  const source = deps.source();
  if (!source) {
    throw new UserError(`the tracklist of Discogs release ${releaseId} is not stored yet and Discogs is not configured (aime config set discogs.token …)`);
  }
  options.onFetch?.();
  try {
    const tracks = await source.releaseTracklist(releaseId, { signal: options.signal });
    deps.store.saveTracks(releaseId, tracks, nowSeconds(deps.clock));
    return tracks;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const now = nowSeconds(deps.clock);
    deps.store.saveFailure(releaseId, { status: 'not-found', error: 'Discogs has no such release', nextRetryAt: now + NOT_FOUND_RETRY_SECONDS }, now);
    throw new NotFoundError(`Discogs has no release ${releaseId}, so its tracklist is unknown`, { cause: error });
  }
}

function nowSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}
