// The fake's state: one user's scrobbles, kept sorted by time so that a page or a from/to
// window is two binary searches and a slice, whatever the size of the history.

export interface Scrobble {
  readonly artist: string;
  /** "" for a scrobble without an album, as Last.fm sends it. */
  readonly album: string;
  readonly title: string;
  /** UTC epoch seconds. */
  readonly timestamp: number;
  /** Track MusicBrainz id ("" or absent when unknown). */
  readonly mbid?: string;
  readonly artistMbid?: string;
  readonly albumMbid?: string;
  /** Marks the track as loved (at this scrobble's time unless it already was). */
  readonly loved?: boolean;
  /** Track length in seconds, used by album.getInfo. */
  readonly durationSec?: number;
}

export interface NowPlayingTrack {
  readonly artist: string;
  readonly album?: string;
  readonly title: string;
  readonly mbid?: string;
  readonly artistMbid?: string;
  readonly albumMbid?: string;
}

export interface LovedTrack {
  readonly artist: string;
  readonly title: string;
  readonly mbid: string;
  readonly artistMbid: string;
  readonly lovedAt: number;
}

export function trackKey(artist: string, title: string): string {
  return `${artist.toLowerCase()}\u0000${title.toLowerCase()}`;
}

export class ScrobbleStore {
  /** Oldest first; equal timestamps keep insertion order. */
  #rows: Scrobble[] = [];
  #loved = new Map<string, LovedTrack>();
  #lovedByDate: LovedTrack[] | null = null;
  /** Bumped on every change so derived caches (album index) know when to rebuild. */
  version = 0;

  get size(): number {
    return this.#rows.length;
  }

  at(index: number): Scrobble {
    const row = this.#rows[index];
    if (row === undefined) throw new RangeError(`no scrobble at ${index}`);
    return row;
  }

  all(): readonly Scrobble[] {
    return this.#rows;
  }

  add(scrobble: Scrobble): void {
    checkScrobble(scrobble);
    const row = { ...scrobble };
    const last = this.#rows[this.#rows.length - 1];
    if (last === undefined || last.timestamp <= row.timestamp) this.#rows.push(row);
    else this.#rows.splice(this.#firstAfter(row.timestamp), 0, row);
    this.#noteLoved(row);
    this.version++;
  }

  addMany(scrobbles: readonly Scrobble[]): void {
    for (const s of scrobbles) checkScrobble(s);
    // Array.prototype.sort is stable, so ties keep their order of arrival.
    this.#rows = [...this.#rows, ...scrobbles.map((s) => ({ ...s }))].sort((a, b) => a.timestamp - b.timestamp);
    for (const s of scrobbles) this.#noteLoved(s);
    this.version++;
  }

  /** Index range [lo, hi) of scrobbles with from <= timestamp < to (Last.fm's semantics). */
  window(from: number | undefined, to: number | undefined): { lo: number; hi: number } {
    const lo = from === undefined ? 0 : this.#firstAtOrAfter(from);
    const hi = to === undefined ? this.#rows.length : this.#firstAtOrAfter(to);
    return { lo, hi: Math.max(lo, hi) };
  }

  earliestTimestamp(): number | undefined {
    return this.#rows[0]?.timestamp;
  }

  isLoved(artist: string, title: string): boolean {
    return this.#loved.has(trackKey(artist, title));
  }

  setLoved(track: Omit<LovedTrack, 'mbid' | 'artistMbid'> & Partial<LovedTrack>, loved: boolean): void {
    const key = trackKey(track.artist, track.title);
    if (loved) {
      this.#loved.set(key, { mbid: '', artistMbid: '', ...track });
    } else {
      this.#loved.delete(key);
    }
    this.#lovedByDate = null;
    this.version++;
  }

  /** Loved tracks, most recently loved first. */
  lovedTracks(): readonly LovedTrack[] {
    this.#lovedByDate ??= [...this.#loved.values()].sort((a, b) => b.lovedAt - a.lovedAt);
    return this.#lovedByDate;
  }

  #noteLoved(row: Scrobble): void {
    if (!row.loved || this.#loved.has(trackKey(row.artist, row.title))) return;
    this.#loved.set(trackKey(row.artist, row.title), {
      artist: row.artist,
      title: row.title,
      mbid: row.mbid ?? '',
      artistMbid: row.artistMbid ?? '',
      lovedAt: row.timestamp,
    });
    this.#lovedByDate = null;
  }

  #firstAtOrAfter(ts: number): number {
    let lo = 0;
    let hi = this.#rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#rows[mid]!.timestamp < ts) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #firstAfter(ts: number): number {
    let lo = 0;
    let hi = this.#rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#rows[mid]!.timestamp <= ts) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function checkScrobble(s: Scrobble): void {
  if (!Number.isInteger(s.timestamp) || s.timestamp < 0) {
    throw new RangeError(`scrobble timestamp must be whole epoch seconds, got ${s.timestamp}`);
  }
  if (!s.artist || !s.title) throw new RangeError('scrobble needs an artist and a title');
}
