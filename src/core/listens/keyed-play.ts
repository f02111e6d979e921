import type { PlayReport } from '../model.js';
import { creditArtists } from '../credits.js';
import { nameKey } from '../names.js';
import type { KeyedPlay } from './ports.js';

/**
 * Turns reports into keyed plays. Keys are remembered (bounded), because a history repeats
 * the same few thousand names hundreds of thousands of times and normalising is the
 * costliest step of ingest.
 */
export class PlayKeyer {
  private readonly memo = new Map<string, string>();

  key(name: string): string {
    let key = this.memo.get(name);
    if (key === undefined) {
      if (this.memo.size >= 200_000) this.memo.clear();
      key = nameKey(name);
      this.memo.set(name, key);
    }
    return key;
  }

  /** undefined when the report cannot be a play (no artist, no title, no valid time). */
  keyed(report: PlayReport): KeyedPlay | undefined {
    const artist = report.artist?.trim() ?? '';
    const title = report.title?.trim() ?? '';
    const artistKey = this.key(artist);
    const titleKey = this.key(title);
    if (!artistKey || !titleKey || !Number.isInteger(report.timestamp) || report.timestamp <= 0) return undefined;
    const albumTitle = report.album?.trim() ?? '';
    const albumTitleKey = albumTitle ? this.key(albumTitle) : '';
    const albumArtist = report.albumArtist?.trim() || artist;
    return {
      artist,
      artistKey,
      album: albumTitleKey ? { title: albumTitle, titleKey: albumTitleKey, artist: albumArtist, artistKey: this.key(albumArtist) || artistKey } : null,
      title,
      titleKey,
      timestamp: report.timestamp,
      source: report.source,
      loved: report.loved === true,
      zone: report.zone ?? null,
      playedSeconds: wholeOrNull(report.playedSeconds),
      durationSeconds: wholeOrNull(report.durationSeconds),
      client: report.client?.trim() || null,
      alreadyOn: report.alreadyOn ?? null,
      mbid: report.mbid ?? null,
      // A credit of several artists is one row; one of its artists' ids does not name it.
      artistMbid: report.artistMbid && creditArtists(artist).length === 1 ? report.artistMbid : null,
      albumMbid: albumTitleKey ? (report.albumMbid ?? null) : null,
    };
  }
}

/** Why keyed() refused a report, in words for import reports. */
export function unkeyableReason(report: PlayReport, key: (name: string) => string): string {
  const artist = report.artist?.trim() ?? '';
  const title = report.title?.trim() ?? '';
  if (!key(artist)) return artist ? `artist ${JSON.stringify(artist)} has no letters or digits to match` : 'no artist';
  if (!key(title)) return title ? `title ${JSON.stringify(title)} has no letters or digits to match` : 'no title';
  return `timestamp ${String(report.timestamp)} is not a time`;
}

function wholeOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : null;
}
