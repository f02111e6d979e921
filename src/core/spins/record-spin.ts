import { NotFoundError, UserError } from '../errors.js';
import type { IngestSummary, ListenSource, PlayReport } from '../model.js';
import type { Clock } from '../ports.js';
import { albumNamed, albumRef } from './album-choice.js';
import type { OwnedAlbum, PlannedListen, SpinnableCopy } from './model.js';
import { spinMoment } from './moment.js';
import { planSpin } from './plan.js';
import type { SpinStore } from './ports.js';
import { tracklistOf, type TracklistDeps } from './tracklists.js';

/** The same spin recorded again within this many seconds (over the same time) is taken for a command run twice. */
export const SPIN_AGAIN_SECONDS = 60;

export interface SpinDeps {
  readonly store: SpinStore;
  readonly tracklists: TracklistDeps;
  /** The one ListenIngest (core/listens), so spins dedupe and count like every listen. */
  readonly ingest: { record(reports: readonly PlayReport[]): Promise<IngestSummary> };
  readonly clock: Clock;
}

export interface SpinRequest {
  /** An album id, or "artist - title". */
  readonly album: string;
  readonly copyId?: number;
  readonly side?: string;
  readonly first?: number;
  readonly last?: number;
  readonly minutes?: number;
  readonly ended?: string;
  readonly started?: string;
  /** Record it even though the same spin was recorded less than a minute ago. */
  readonly again?: boolean;
  /** Work out the listens, store nothing. */
  readonly dryRun?: boolean;
  readonly timeZone: string;
  readonly signal?: AbortSignal;
  /** Told when the tracklist must be asked of Discogs first (paced: it may take a moment). */
  readonly onFetch?: () => void;
}

export interface SpinOutcome {
  readonly albumId: number;
  readonly album: string;
  readonly artist: string;
  readonly copyId: number;
  readonly releaseId: number;
  readonly source: ListenSource;
  readonly startedAt: number;
  readonly endedAt: number;
  /** New listens stored. */
  readonly recorded: number;
  /** Plays already stored (the same spin at the same second, or another source's copy of it). */
  readonly alreadyStored: number;
  readonly dryRun: boolean;
  readonly listens: (PlannedListen & { readonly id: number | null })[];
}

/**
 * `aime spin`: one listen per track of a record from the collection, laid back to back from
 * its Discogs tracklist (fetched now when not stored yet), recorded through the one
 * ListenIngest. Everything is checked before anything is stored — the album, the copy, the
 * tracks chosen, the times, and whether the very same spin was recorded less than a minute
 * ago (a command run twice asks for `again`) — so a refused spin changes nothing.
 */
export async function recordSpin(deps: SpinDeps, request: SpinRequest): Promise<SpinOutcome> {
  const now = Math.floor(deps.clock.now() / 1000);
  if (request.ended !== undefined && request.started !== undefined) throw new UserError('give --ended or --started, not both');
  const endedAt = request.ended === undefined ? undefined : spinMoment(request.ended, request.timeZone, now, '--ended');
  const startedAt = request.started === undefined ? undefined : spinMoment(request.started, request.timeZone, now, '--started');
  const album = findAlbum(deps.store, request.album);
  const copy = chooseCopy(album, request.copyId);
  const source = spinSource(album, copy);
  if (copy.releaseId === null) {
    throw new UserError(
      `copy #${copy.copyId} of “${album.title}” has no Discogs release, so no tracklist: add it with its release id (aime collection add "${album.artist}" "${album.title}" --discogs-id N) and remove this one`,
    );
  }
  const tracks = await tracklistOf(deps.tracklists, copy.releaseId, { signal: request.signal, onFetch: request.onFetch });
  const subject = { title: album.title, artist: album.artist, source, tracks };
  const choice = { side: request.side, first: request.first, last: request.last, minutes: request.minutes, endedAt, startedAt };
  let plan = planSpin(subject, choice, now);
  // The same command run twice: a spin of these tracks just recorded, over the same stretch of
  // time (one record cannot play twice at once). Spins of other evenings, typed in a row, pass.
  const twice = deps.store
    .spinsSince(album.id, now - SPIN_AGAIN_SECONDS)
    .find((spin) => overlaps(spin, plan));
  if (twice && !request.again) {
    throw new UserError(`“${album.title}” was recorded as a spin ${Math.max(0, now - twice.recordedAt)} s ago over the same time: add --again to record a second play`);
  }
  // A second play cannot have sounded over the first: it is laid back to back before it, so
  // both keep times of their own (run in the same second, they would otherwise be one listen).
  // (A third play goes before the second, and so on.)
  const recent = twice ? deps.store.spinsSince(album.id, now - SPIN_AGAIN_SECONDS) : [];
  for (let earlier = twice; earlier; earlier = recent.find((spin) => overlaps(spin, plan))) {
    plan = planSpin(subject, { ...choice, startedAt: undefined, endedAt: earlier.startedAt }, now);
  }
  const numbers = new Set(plan.map((listen) => listen.number));
  const outcome = {
    albumId: album.id,
    album: album.title,
    artist: album.artist,
    copyId: copy.copyId,
    releaseId: copy.releaseId,
    source,
    startedAt: plan[0]?.timestamp ?? now,
    endedAt: (plan[plan.length - 1]?.timestamp ?? now) + (plan[plan.length - 1]?.seconds ?? 0),
  };
  if (request.dryRun) return { ...outcome, recorded: 0, alreadyStored: 0, dryRun: true, listens: plan.map((listen) => ({ ...listen, id: null })) };

  const summary = await deps.ingest.record(plan.map(toPlay));
  const ids = deps.store.listenIds(plan.map((listen) => ({ timestamp: listen.timestamp, title: listen.title, source: listen.source })));
  deps.store.saveSpin({
    albumId: album.id,
    copyId: copy.copyId,
    releaseId: copy.releaseId,
    source,
    trackNumbers: [...numbers],
    startedAt: outcome.startedAt,
    endedAt: outcome.endedAt,
    listens: summary.imported,
    recordedAt: now,
  });
  return { ...outcome, recorded: summary.imported, alreadyStored: summary.skipped, dryRun: false, listens: plan.map((listen, index) => ({ ...listen, id: ids[index] ?? null })) };
}

/** A stored spin sharing tracks and time with a planned one. */
function overlaps(spin: { trackNumbers: readonly number[]; startedAt: number; endedAt: number }, plan: readonly PlannedListen[]): boolean {
  const last = plan[plan.length - 1];
  if (!last) return false;
  const startedAt = plan[0]!.timestamp;
  const endedAt = last.timestamp + last.seconds;
  return spin.trackNumbers.some((number) => plan.some((listen) => listen.number === number)) && spin.startedAt < endedAt && startedAt < spin.endedAt;
}

function findAlbum(store: SpinStore, typed: string): OwnedAlbum {
  const ref = albumRef(typed);
  const id = 'id' in ref ? ref.id : albumNamed(store.ownedAlbums(), ref.text).id;
  const album = store.album(id);
  if (!album) throw new NotFoundError(`no album #${id} (see aime collection list)`);
  if (album.copies.length === 0) {
    throw new UserError(`album #${id} “${album.title}” is not in the collection: spin records plays of owned records (aime collection add …)`);
  }
  return album;
}

/** Copies most likely on the turntable first: with a Discogs release, then vinyl (and unknown supports), CD, cassette. */
const SUPPORT_RANK: Record<string, number> = { vinyl: 0, other: 1, cd: 2, cassette: 3, digital: 4 };

function chooseCopy(album: OwnedAlbum, copyId: number | undefined): SpinnableCopy {
  if (copyId !== undefined) {
    const copy = album.copies.find((candidate) => candidate.copyId === copyId);
    if (!copy) throw new NotFoundError(`album #${album.id} has no copy #${copyId} (its copies: ${album.copies.map((c) => `#${c.copyId}`).join(', ')})`);
    return copy;
  }
  const rank = (copy: SpinnableCopy) => (copy.releaseId === null ? 10 : 0) + (SUPPORT_RANK[copy.support ?? 'other'] ?? 1);
  return [...album.copies].sort((a, b) => rank(a) - rank(b) || a.copyId - b.copyId)[0]!;
}

/**
 * The listen's source is the copy's support: CDs and cassettes are `cd` and `cassette`; vinyl,
 * other physical formats (shellac, reel) and copies of unknown support are `vinyl`. Files are
 * refused: the player that plays them records its own listens (Roon, Last.fm), and a spin
 * of them would count every play twice.
 */
function spinSource(album: OwnedAlbum, copy: SpinnableCopy): ListenSource {
  if (copy.support === 'digital') {
    throw new UserError(`copy #${copy.copyId} of “${album.title}” is a digital file: its player records those plays (spin is for records, CDs and cassettes)`);
  }
  return copy.support === 'cd' || copy.support === 'cassette' ? copy.support : 'vinyl';
}

function toPlay(listen: PlannedListen): PlayReport {
  return {
    artist: listen.artist,
    title: listen.title,
    album: listen.album,
    albumArtist: listen.albumArtist,
    timestamp: listen.timestamp,
    source: listen.source,
    // A share of --minutes is a guess: a track keeps no duration from it.
    durationSeconds: listen.durationKnown ? listen.seconds : null,
  };
}
