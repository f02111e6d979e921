import type { Statement } from 'better-sqlite3';
import type { KeyedPlay } from '../../core/listens/ports.js';
import type { Database } from '../data-source.js';

/**
 * Finds or creates the artist, album and track rows of a play, by normalised key, with an
 * in-memory key → id map in front of SQLite: a long history names the same few thousand
 * rows again and again. Must be used inside the caller's transaction; when that
 * transaction fails, the caller calls forget(), because ids created in it are gone.
 */
export class SqliteCatalog {
  private readonly artists = new Map<string, number>();
  private readonly albums = new Map<string, number>();
  private readonly tracks = new Map<string, number>();
  /** Tracks known to hold a play's own duration (the most trusted): nothing to update for them. */
  private readonly timedTracks = new Set<number>();
  /** Rows already given the MusicBrainz ids plays know of them ("t12:mbid"), so each is written once. */
  private readonly completed = new Set<string>();
  private readonly sql: Record<
    | 'artistByKey'
    | 'insertArtist'
    | 'albumByKey'
    | 'insertAlbum'
    | 'linkAlbumArtist'
    | 'trackByIdentity'
    | 'insertTrack'
    | 'playDuration'
    | 'trackMbid'
    | 'artistMbid'
    | 'albumReleaseMbid',
    Statement
  >;

  constructor(db: Database) {
    const prepare = (text: string) => db.sqlite.prepare(text);
    this.sql = {
      artistByKey: prepare('SELECT id FROM artists WHERE name_key = ?').pluck(),
      insertArtist: prepare('INSERT INTO artists (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)'),
      albumByKey: prepare('SELECT id FROM albums WHERE artist_key = ? AND title_key = ?').pluck(),
      insertAlbum: prepare(
        `INSERT INTO albums (title, title_key, artist_name, artist_key, source, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      linkAlbumArtist: prepare('INSERT OR IGNORE INTO album_artist (album_id, artist_id, position, created_at) VALUES (?, ?, 0, ?)'),
      trackByIdentity: prepare('SELECT id FROM tracks WHERE identity_key = ?').pluck(),
      insertTrack: prepare(
        `INSERT INTO tracks (album_id, artist_id, title, title_key, identity_key, duration_seconds, duration_source, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // A play's own length is the most trusted (core/durations/ports.ts): it replaces a
      // catalogue's guess or fills an unknown, never another play's.
      playDuration: prepare(
        `UPDATE tracks SET duration_seconds = ?, duration_source = 'play', updated_at = ?
         WHERE id = ? AND (duration_source IS NULL OR duration_source <> 'play' OR duration_seconds IS NULL)`,
      ),
      // Only where nothing is known yet: an id already there is never overwritten.
      trackMbid: prepare('UPDATE tracks SET musicbrainz_id = ?, updated_at = ? WHERE id = ? AND musicbrainz_id IS NULL'),
      artistMbid: prepare('UPDATE artists SET musicbrainz_id = ?, updated_at = ? WHERE id = ? AND musicbrainz_id IS NULL'),
      albumReleaseMbid: prepare('UPDATE albums SET musicbrainz_release_id = ?, updated_at = ? WHERE id = ? AND musicbrainz_release_id IS NULL'),
    };
  }

  artistId(name: string, key: string, now: number): number {
    let id = this.artists.get(key);
    if (id === undefined) {
      id = (this.sql.artistByKey.get(key) as number | undefined) ?? Number(this.sql.insertArtist.run(name, key, now, now).lastInsertRowid);
      this.artists.set(key, id);
    }
    return id;
  }

  /** The album's id, and whether this call created it (new albums are queued for enrichment). */
  albumId(play: KeyedPlay, now: number): { id: number; created: boolean } | null {
    const album = play.album;
    if (!album) return null;
    const cacheKey = `${album.artistKey}\u0000${album.titleKey}`;
    const cached = this.albums.get(cacheKey);
    if (cached !== undefined) return { id: cached, created: false };
    let id = this.sql.albumByKey.get(album.artistKey, album.titleKey) as number | undefined;
    let created = false;
    if (id === undefined) {
      id = Number(this.sql.insertAlbum.run(album.title, album.titleKey, album.artist, album.artistKey, play.source, now, now).lastInsertRowid);
      this.sql.linkAlbumArtist.run(id, this.artistId(album.artist, album.artistKey, now), now);
      created = true;
    }
    this.albums.set(cacheKey, id);
    return { id, created };
  }

  /**
   * The key format is trackIdentity() of core/names.ts, built from the key already computed.
   * A play that knows its track's length (Roon, ListenBrainz, Maloja, files) gives it to the track.
   */
  trackId(play: KeyedPlay, artistId: number, albumId: number | null, now: number): number {
    const identity = `${artistId}:${albumId ?? 0}:${play.titleKey}`;
    const seconds = play.durationSeconds !== null && play.durationSeconds > 0 ? play.durationSeconds : null;
    let id = this.tracks.get(identity);
    if (id === undefined) {
      const found = this.sql.trackByIdentity.get(identity) as number | undefined;
      id = found ?? Number(this.sql.insertTrack.run(albumId, artistId, play.title, play.titleKey, identity, seconds, seconds === null ? null : 'play', now, now).lastInsertRowid);
      this.tracks.set(identity, id);
      if (found === undefined && seconds !== null) this.timedTracks.add(id);
    }
    if (seconds !== null && !this.timedTracks.has(id)) {
      this.sql.playDuration.run(seconds, now, id);
      this.timedTracks.add(id);
    }
    return id;
  }

  /**
   * Gives the play's rows the MusicBrainz ids the play knows and they do not (durations are
   * trackId's). Known ids are never overwritten.
   */
  complete(play: KeyedPlay, artistId: number, albumId: number | null, trackId: number, now: number): void {
    if (play.mbid !== null) this.once(`t${trackId}:mbid`, this.sql.trackMbid, play.mbid, trackId, now);
    if (play.artistMbid !== null) this.once(`a${artistId}:mbid`, this.sql.artistMbid, play.artistMbid, artistId, now);
    if (play.albumMbid !== null && albumId !== null) this.once(`r${albumId}:mbid`, this.sql.albumReleaseMbid, play.albumMbid, albumId, now);
  }

  private once(done: string, statement: Statement, value: unknown, id: number, now: number): void {
    if (this.completed.has(done)) return;
    if (this.completed.size >= 200_000) this.completed.clear();
    statement.run(value, now, id);
    this.completed.add(done);
  }

  forget(): void {
    this.completed.clear();
    this.artists.clear();
    this.albums.clear();
    this.tracks.clear();
    this.timedTracks.clear();
  }
}
