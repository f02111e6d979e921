import { AimeError, AuthError, errorMessage } from '../errors.js';
import { nextRetryAt } from '../enrichment/retry-times.js';
import type { Clock } from '../ports.js';
import { durationsFromTracklist, pickRecording } from './match.js';
import type { AlbumToTime, DurationCatalogues, DurationLookup, DurationStore, Due, LookupOutcome, LookupStatus, TrackLookup, TrackToTime } from './ports.js';

export interface FillDeps {
  readonly store: DurationStore;
  readonly catalogues: DurationCatalogues;
  readonly clock: Clock;
}

export interface FillOptions {
  /** Albums or tracks looked up in one step. */
  readonly batch: number;
  /**
   * Last.fm lookups under way at once (each recorded as it ends): the pace is the pacer's,
   * this only keeps a slow answer from holding the next ones back.
   */
  readonly inFlight?: number;
  readonly signal?: AbortSignal;
}

/** What one or more steps did. */
export interface FillReport {
  albumsAsked: number;
  tracksAsked: number;
  filled: Record<DurationLookup, number>;
  /** Lookups answered "not known" (asked again a month later). */
  notFound: number;
  /** Lookups that failed (asked again after their retry time). */
  failed: number;
  /** Tracks done with: filled, or unknown to every catalogue. */
  settled: number;
  /** Outside lookups made (one per album or track and catalogue; an HTTP retry inside one is not counted). */
  lookups: number;
  /** The last failure, in one line. */
  lastError: string | null;
}

export function emptyFillReport(): FillReport {
  return { albumsAsked: 0, tracksAsked: 0, filled: { 'lastfm-album': 0, 'lastfm-track': 0, musicbrainz: 0 }, notFound: 0, failed: 0, settled: 0, lookups: 0, lastError: null };
}

export function addFillReport(total: FillReport, step: FillReport): void {
  total.albumsAsked += step.albumsAsked;
  total.tracksAsked += step.tracksAsked;
  for (const lookup of Object.keys(total.filled) as DurationLookup[]) total.filled[lookup] += step.filled[lookup];
  total.notFound += step.notFound;
  total.failed += step.failed;
  total.settled += step.settled;
  total.lookups += step.lookups;
  total.lastError = step.lastError ?? total.lastError;
}

/**
 * Where the scans over albums and tracks resume, so a pass over a long backlog reads each
 * row once instead of from the start every step. Only positions: what is due is read from
 * storage every time, so a new process starting at 0 loses nothing.
 */
export class DurationScan {
  albums = 0;
  'lastfm-track' = 0;
  musicbrainz = 0;
}

/** A track goes on to the next catalogue when the one before failed this many times in a row. */
const PATIENCE = 3;

/**
 * One step of filling track durations (the `durations` worker and `aime enrich --durations`
 * both run it): the next batch of albums due for their Last.fm tracklist (album.getInfo, one
 * request per album); when none, the next tracks due for Last.fm's track page
 * (track.getInfo); when none, the next tracks due for a MusicBrainz recording. Every lookup
 * is recorded with its outcome and retry time before the next one, so a killed process
 * resumes where it stopped and nothing answered is asked twice. Returns undefined when
 * nothing is due. A refused API key stops the step (AuthError): nothing is recorded, the
 * caller reports it and waits.
 */
export async function fillNextDurations(deps: FillDeps, scan: DurationScan, options: FillOptions): Promise<FillReport | undefined> {
  const now = Math.floor(deps.clock.now() / 1000);
  const { store, catalogues } = deps;
  const lastfm = catalogues.lastfm;
  const report = emptyFillReport();
  if (lastfm) {
    const albums = scanned(scan, 'albums', (after) => store.dueAlbums(now, after, options.batch));
    if (albums.length) {
      await eachAtMost(albums, options.inFlight ?? 1, options.signal, (album) => askAlbum(deps, lastfm, album, report, options.signal));
      return report;
    }
  }
  const passes: TrackLookup[] = lastfm ? ['lastfm-track', 'musicbrainz'] : ['musicbrainz'];
  for (const pass of passes) {
    const tracks = scanned(scan, pass, (after) => store.dueTracks(pass, now, after, options.batch, { patience: PATIENCE, skipLastfm: !lastfm }));
    if (!tracks.length) continue;
    // MusicBrainz takes one request a second whatever is under way: one at a time.
    const inFlight = pass === 'lastfm-track' ? (options.inFlight ?? 1) : 1;
    await eachAtMost(tracks, inFlight, options.signal, (track) =>
      lastfm && pass === 'lastfm-track' ? askLastfmTrack(deps, lastfm, track, report, options.signal) : askMusicbrainz(deps, track, report, options.signal),
    );
    return report;
  }
  return undefined;
}

/**
 * Works through `items` with at most `inFlight` under way, and returns once every one that
 * started has ended (the step never leaves a lookup running behind it); the first failure,
 * if any, is thrown then.
 */
async function eachAtMost<T>(items: readonly T[], inFlight: number, signal: AbortSignal | undefined, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !signal?.aborted) await work(items[next++] as T);
  };
  const ended = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(inFlight, items.length)) }, lane));
  const failed = ended.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Reads on from the scan's position; past the end, once more from the start. */
function scanned<T extends { id: number }>(scan: DurationScan, key: 'albums' | TrackLookup, read: (afterId: number) => T[]): T[] {
  let rows = read(scan[key]);
  if (!rows.length && scan[key] > 0) {
    scan[key] = 0;
    rows = read(0);
  }
  const last = rows[rows.length - 1];
  if (last) scan[key] = last.id;
  return rows;
}

type Lastfm = NonNullable<DurationCatalogues['lastfm']>;

async function askAlbum(deps: FillDeps, lastfm: Lastfm, album: Due<AlbumToTime>, report: FillReport, signal?: AbortSignal): Promise<void> {
  const tracks = deps.store.albumTracks(album.id);
  if (!tracks.length) return;
  report.albumsAsked++;
  report.lookups++;
  const answer = await lookup(() => lastfm.albumTracklist(album.artist, album.title, signal), signal);
  const tracklist = answer.status === 'success' ? answer.value : null;
  // A tracklist without a single length is no better than none: ask again in a month.
  const timed = tracklist?.tracks.some((entry) => (entry.durationSeconds ?? 0) > 0) ?? false;
  const status: LookupStatus = answer.status === 'success' ? (timed ? 'success' : 'not-found') : answer.status;
  const fills = tracklist && timed ? durationsFromTracklist(tracks, tracklist) : [];
  const now = Math.floor(deps.clock.now() / 1000);
  const filled = deps.store.saveAlbumLookup(album.id, timed ? tracklist : null, fills, outcome(status, answer.error, album.attempts + 1, now), now);
  tally(report, 'lastfm-album', status, answer.error, filled);
}

/** Last.fm's track page; a track of an album whose tracklist was kept looks there first. */
async function askLastfmTrack(deps: FillDeps, lastfm: Lastfm, track: Due<TrackToTime>, report: FillReport, signal?: AbortSignal): Promise<void> {
  if (fromKeptTracklist(deps, track)) {
    tally(report, 'lastfm-album', 'success', null, 1);
    return;
  }
  report.tracksAsked++;
  report.lookups++;
  const answer = await lookup(() => lastfm.trackPage(track.artist, track.title, signal), signal);
  const page = answer.status === 'success' ? answer.value : null;
  const status: LookupStatus = answer.status === 'success' ? (page?.durationSeconds ? 'success' : 'not-found') : answer.status;
  const found = { ...(page?.durationSeconds ? { seconds: page.durationSeconds } : {}), ...(page?.mbid ? { mbid: page.mbid } : {}) };
  saveTrack(deps, 'lastfm-track', track, found, status, answer.error, report);
}

async function askMusicbrainz(deps: FillDeps, track: Due<TrackToTime>, report: FillReport, signal?: AbortSignal): Promise<void> {
  report.tracksAsked++;
  const answer = await lookup(() => recordingLength(deps.catalogues.musicbrainz, track, report, signal), signal);
  const seconds = answer.status === 'success' ? answer.value : null;
  const status: LookupStatus = answer.status === 'success' ? (seconds ? 'success' : 'not-found') : answer.status;
  saveTrack(deps, 'musicbrainz', track, seconds ? { seconds } : {}, status, answer.error, report);
  // MusicBrainz is the last catalogue: "not known" there ends the track's journey.
  if (status === 'not-found') report.settled++;
}

function saveTrack(deps: FillDeps, lookupName: TrackLookup, track: Due<TrackToTime>, found: { seconds?: number; mbid?: string }, status: LookupStatus, error: string | null, report: FillReport): void {
  const now = Math.floor(deps.clock.now() / 1000);
  const filled = deps.store.saveTrackLookup(track.id, lookupName, found, outcome(status, error, track.attempts + 1, now), now);
  tally(report, lookupName, status, error, filled ? 1 : 0);
}

/** A track scrobbled after its album's tracklist was read finds its length there, without a request. */
function fromKeptTracklist(deps: FillDeps, track: TrackToTime): boolean {
  if (track.albumId === null) return false;
  const tracklist = deps.store.tracklist(track.albumId);
  const [fill] = tracklist ? durationsFromTracklist([track], tracklist) : [];
  return fill !== undefined && deps.store.fillFromTracklist(fill, Math.floor(deps.clock.now() / 1000));
}

/** By recording id when one is known, else (or when that id is gone) by artist and title. */
async function recordingLength(musicbrainz: DurationCatalogues['musicbrainz'], track: TrackToTime, report: FillReport, signal?: AbortSignal): Promise<number | null> {
  if (track.mbid) {
    report.lookups++;
    const recording = await musicbrainz.recording(track.mbid, signal);
    if (recording?.lengthSeconds) return recording.lengthSeconds;
  }
  report.lookups++;
  return pickRecording(track, await musicbrainz.searchRecordings(track.artist, track.title, signal))?.lengthSeconds ?? null;
}

type Answer<T> = { status: 'success'; value: T; error: null } | { status: 'not-found' | 'failed'; value?: undefined; error: string | null };

/** A lookup's answer: a value, "not known" (a not-found error), or a failure to retry later. */
async function lookup<T>(ask: () => Promise<T>, signal?: AbortSignal): Promise<Answer<T>> {
  try {
    return { status: 'success', value: await ask(), error: null };
  } catch (error) {
    if (signal?.aborted || error instanceof AuthError) throw error;
    if (error instanceof AimeError && error.kind === 'not-found') return { status: 'not-found', error: null };
    return { status: 'failed', error: errorMessage(error) };
  }
}

function outcome(status: LookupStatus, error: string | null, attempts: number, now: number): LookupOutcome {
  return { status, error, nextRetryAt: nextRetryAt(status, attempts, now) };
}

function tally(report: FillReport, lookupName: DurationLookup, status: LookupStatus, error: string | null, filled: number): void {
  report.filled[lookupName] += filled;
  report.settled += filled;
  if (status === 'not-found') report.notFound++;
  if (status === 'failed') {
    report.failed++;
    report.lastError = `${lookupName}: ${error ?? 'failed'}`;
  }
}
