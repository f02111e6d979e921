import type { Clock, SyncStateRepository } from '../ports.js';
import type { ListenIngest } from './ingest.js';
import type { ListenJournal, ScrobbleSource } from './ports.js';

/** sync_state key of the tracker's cursor: the newest scrobble time it has stored. */
export const TRACKER_CURSOR_KEY = 'lastfm.tracker.lastSeen';

/**
 * Scrobbles reach Last.fm when a track ends, and offline players submit hours later, with
 * their real (older) times: each poll re-reads this much before the cursor. Plays read
 * twice are the same play and are skipped.
 */
export const LATE_SCROBBLE_SECONDS = 3600;

/** With no cursor and no Last.fm listen stored, the first poll looks back one day (older plays: aime import lastfm). */
const FIRST_POLL_SECONDS = 86_400;

const PAGE_SIZE = 200;

export interface PollDeps {
  readonly source: ScrobbleSource;
  readonly ingest: ListenIngest;
  readonly journal: ListenJournal;
  readonly state: SyncStateRepository;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
}

export interface PollResult {
  readonly imported: number;
  readonly skipped: number;
  readonly failed: number;
  readonly pages: number;
  /** The cursor after the poll. */
  readonly lastSeen: number | null;
}

/**
 * One poll: every scrobble since the last stored one (not only the newest), each stored
 * with its own scrobble time. The upper bound is fixed when the poll starts so pages do not
 * shift; the cursor moves only after every page is stored, so a poll cut short (kill -9)
 * is simply read again.
 */
export async function pollScrobbles(deps: PollDeps): Promise<PollResult> {
  const now = Math.floor(deps.clock.now() / 1000);
  const cursor = (await deps.state.get<number>(TRACKER_CURSOR_KEY)) ?? deps.journal.newest('lastfm');
  const from = cursor === undefined ? now - FIRST_POLL_SECONDS : cursor - LATE_SCROBBLE_SECONDS;
  const to = now + 1;
  const totals = { imported: 0, skipped: 0, failed: 0, pages: 0 };
  let newest = cursor ?? null;
  for (let page = 1, totalPages = 1; page <= totalPages; page++) {
    const result = await deps.source.recentTracks({ page, limit: PAGE_SIZE, from, to, withLoved: true }, deps.signal);
    totalPages = result.totalPages;
    const summary = await deps.ingest.record(result.plays);
    totals.imported += summary.imported;
    totals.skipped += summary.skipped;
    totals.failed += summary.failed;
    totals.pages++;
    for (const play of result.plays) if (newest === null || play.timestamp > newest) newest = play.timestamp;
  }
  if (newest !== null && newest !== cursor) await deps.state.set(TRACKER_CURSOR_KEY, newest);
  return { ...totals, lastSeen: newest };
}
