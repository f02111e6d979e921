import type { IngestSummary, PlayReport } from '../model.js';
import type { AlbumEvents, ListenEvents } from '../ports.js';
import { PlayKeyer, unkeyableReason } from './keyed-play.js';
import type { KeyedPlay, ListenStore } from './ports.js';
import { radioStationMatcher } from './radio.js';

/** Plays per part of a request: a long history is stored in transactions of this size. */
const BATCH = 5000;
/**
 * Plays per transaction when several requests are stored together: each commit writes the
 * index pages the transaction touched, so fewer, larger commits are what makes a bulk import
 * fast (1,000 plays a commit: ~22,000 listens/s; 10,000: ~37,000/s, 2-core machine) while the
 * writer is still held well under a second.
 */
const GROUP = 10_000;

/** What recordBatch() did, play by play where it matters. */
export interface BatchOutcome {
  imported: number;
  /** Already stored (the same play), or another source's copy of a stored listen. */
  duplicates: number;
  /** Plays of configured radio stations (`roon.radioStations`). */
  stations: number;
  /** Plays that cannot be stored, by their index in the batch. */
  failures: { index: number; reason: string }[];
  newAlbumIds: number[];
}

export interface ListenIngestDeps {
  readonly store: ListenStore;
  readonly albumEvents: AlbumEvents;
  /** Told after each call that stored listens (track durations are filled from there). */
  readonly listenEvents?: ListenEvents;
  /** Read on every call, so `aime config set roon.radioStations` applies at once. */
  readonly radioStations: () => readonly string[];
}

/**
 * The one way plays become listens, for every source (Last.fm tracker and import, Roon
 * tracker, manual entry):
 *
 *   const summary = await ingest.record([{ artist, title, album, timestamp, source: 'roon' }]);
 *
 * - `timestamp` is the real play start (UTC epoch seconds); it is stored as given.
 * - Artist, album (title + album artist) and track are found or created through the
 *   normalised keys of core/names.ts; a play without album gets a track without album.
 * - The same play is stored once: same track and same timestamp (so re-running an import or
 *   re-reading a poll window adds nothing); genuine replays, even seconds apart, are kept.
 * - A play from another source that is the same track near the same time is that play's
 *   copy (Roon play + Last.fm scrobble, Spotify stream + scrobble) and is skipped: the rule
 *   and its windows are core/listens/same-play.ts, applied by the store.
 * - A play deleted or edited with `aime history rm|edit` is skipped when it arrives again
 *   (core/corrections), and so is another source's copy of it within that pair's window.
 * - Plays of configured radio stations are skipped; plays missing an artist, a title or a
 *   valid time count as failed.
 * - Albums created are announced to `albumEvents` after the batch is committed, and stored
 *   listens to `listenEvents`.
 */
export class ListenIngest {
  private readonly deps: ListenIngestDeps;
  private readonly keyer = new PlayKeyer();

  constructor(deps: ListenIngestDeps) {
    this.deps = deps;
  }

  async record(reports: readonly PlayReport[]): Promise<IngestSummary> {
    const outcome = await this.recordBatch(reports);
    return { imported: outcome.imported, skipped: outcome.duplicates + outcome.stations, failed: outcome.failures.length, newAlbumIds: outcome.newAlbumIds };
  }

  /**
   * record(), telling duplicates from radio stations and saying why each failed play failed
   * (file imports report them per record). `dryRun`: everything is worked out in
   * transactions that are rolled back — nothing is stored, no album announced.
   */
  async recordBatch(reports: readonly PlayReport[], options: { dryRun?: boolean } = {}): Promise<BatchOutcome> {
    return (await this.recordBatches([{ reports, dryRun: options.dryRun }]))[0]!;
  }

  /**
   * recordBatch() for several requests at once (group commit: `aime import file` sends its
   * plays in batches, a few on their way at a time): plays go to the store in transactions of
   * up to GROUP plays — a request's plays in parts of BATCH — each request with its own outcome.
   */
  async recordBatches(requests: readonly { readonly reports: readonly PlayReport[]; readonly dryRun?: boolean }[]): Promise<BatchOutcome[]> {
    const isRadio = radioStationMatcher(this.deps.radioStations());
    const outcomes: BatchOutcome[] = [];
    const parts: { readonly request: number; readonly plays: readonly KeyedPlay[]; readonly dryRun: boolean }[] = [];
    requests.forEach((request, number) => {
      const { outcome, plays } = this.keyAll(request.reports, isRadio);
      outcomes.push(outcome);
      for (let start = 0; start < plays.length; start += BATCH) parts.push({ request: number, plays: plays.slice(start, start + BATCH), dryRun: request.dryRun === true });
    });
    for (let first = 0; first < parts.length; ) {
      let end = first + 1;
      let size = parts[first]!.plays.length;
      while (end < parts.length && size + parts[end]!.plays.length <= GROUP) size += parts[end++]!.plays.length;
      const group = parts.slice(first, end);
      const stored = this.deps.store.storeEach(group.map((part) => ({ plays: part.plays, options: { dryRun: part.dryRun } })));
      group.forEach((part, index) => {
        const outcome = outcomes[part.request]!;
        outcome.imported += stored[index]!.imported;
        outcome.duplicates += stored[index]!.skipped;
        outcome.newAlbumIds.push(...stored[index]!.newAlbumIds);
      });
      first = end;
    }
    const stored = outcomes.filter((_, number) => requests[number]!.dryRun !== true);
    const newAlbumIds = stored.flatMap((outcome) => outcome.newAlbumIds);
    const imported = stored.reduce((sum, outcome) => sum + outcome.imported, 0);
    if (newAlbumIds.length) this.deps.albumEvents.albumsCreated(newAlbumIds);
    if (imported) this.deps.listenEvents?.listensRecorded(imported);
    return outcomes;
  }

  /** A request's reports keyed for the store; radio stations and plays that cannot be stored counted apart. */
  private keyAll(reports: readonly PlayReport[], isRadio: (report: PlayReport) => boolean): { outcome: BatchOutcome; plays: KeyedPlay[] } {
    const outcome: BatchOutcome = { imported: 0, duplicates: 0, stations: 0, failures: [], newAlbumIds: [] };
    const plays: KeyedPlay[] = [];
    reports.forEach((report, index) => {
      if (isRadio(report)) {
        outcome.stations++;
        return;
      }
      const play = this.keyer.keyed(report);
      if (play) plays.push(play);
      else outcome.failures.push({ index, reason: unkeyableReason(report, (name) => this.keyer.key(name)) });
    });
    return { outcome, plays };
  }

  /** Sets `loved` on every stored listen of these tracks (Last.fm loved tracks). */
  markLoved(tracks: readonly { artist: string; title: string }[]): number {
    const keyed = tracks
      .map((track) => ({ artistKey: this.keyer.key(track.artist), titleKey: this.keyer.key(track.title) }))
      .filter((track) => track.artistKey && track.titleKey);
    return this.deps.store.markLoved(keyed);
  }
}
