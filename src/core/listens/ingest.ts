import type { IngestSummary, PlayReport } from '../model.js';
import type { AlbumEvents, ListenEvents } from '../ports.js';
import { PlayKeyer } from './keyed-play.js';
import type { KeyedPlay, ListenStore } from './ports.js';
import { radioStationMatcher } from './radio.js';

/** A Roon play and its Last.fm scrobble of the same track within this window are one listen (SPEC §3). */
export const CROSS_SOURCE_WINDOW_SECONDS = 600;

/** Plays per transaction: big enough for speed, small enough not to hold the writer for long. */
const BATCH = 5000;

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
 * - A play of the same artist and title from another source within 10 minutes of a stored
 *   one is that play's copy (Roon play + Last.fm scrobble) and is skipped.
 * - A play deleted or edited with `aime history rm|edit` is skipped when it arrives again
 *   (core/corrections), and so is another source's copy of it within the 10 minutes.
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
    const isRadio = radioStationMatcher(this.deps.radioStations());
    const summary: IngestSummary = { imported: 0, skipped: 0, failed: 0, newAlbumIds: [] };
    const plays: KeyedPlay[] = [];
    for (const report of reports) {
      if (isRadio(report)) {
        summary.skipped++;
        continue;
      }
      const play = this.keyer.keyed(report);
      if (play) plays.push(play);
      else summary.failed++;
    }
    for (let start = 0; start < plays.length; start += BATCH) {
      const outcome = this.deps.store.store(plays.slice(start, start + BATCH), CROSS_SOURCE_WINDOW_SECONDS);
      summary.imported += outcome.imported;
      summary.skipped += outcome.skipped;
      summary.newAlbumIds.push(...outcome.newAlbumIds);
    }
    if (summary.newAlbumIds.length) this.deps.albumEvents.albumsCreated(summary.newAlbumIds);
    if (summary.imported) this.deps.listenEvents?.listensRecorded(summary.imported);
    return summary;
  }

  /** Sets `loved` on every stored listen of these tracks (Last.fm loved tracks). */
  markLoved(tracks: readonly { artist: string; title: string }[]): number {
    const keyed = tracks
      .map((track) => ({ artistKey: this.keyer.key(track.artist), titleKey: this.keyer.key(track.title) }))
      .filter((track) => track.artistKey && track.titleKey);
    return this.deps.store.markLoved(keyed);
  }
}
