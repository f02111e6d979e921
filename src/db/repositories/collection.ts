import { NotFoundError, UserError } from '../../core/errors.js';
import { albumKey, nameKey } from '../../core/names.js';
import type { CopiesStored, OwnedCopy } from '../../core/collection/model.js';
import type { CollectionRepository } from '../../core/collection/ports.js';
import type { AlbumChanges, AlbumDetail, AlbumPage, AlbumQuery, NewAlbum } from '../../core/collection/queries.js';
import { albumArtistName, appleMusicSearchUrl, filmTitleOf, isSoundtrack, supportOf } from '../../core/collection/support.js';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../data-source.js';
import { listAlbums, showAlbum } from './collection-queries.js';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The collection in SQLite. Albums are found by (artist_key, title_key), the same keys the
 * Last.fm ingest uses, so an album both scrobbled and owned is one row; each owned copy is
 * one collection_items row keyed by its Discogs instance id.
 */
export class SqliteCollection implements CollectionRepository {
  private readonly db: Database;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  constructor(db: Database) {
    this.db = db;
  }

  /** Prepared once per repository: an import runs the same few statements for every copy. */
  private prepare(text: string): BetterSqlite3.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.sqlite.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  async storeCopies(copies: readonly OwnedCopy[], run: number): Promise<CopiesStored> {
    const sql = this.db.sqlite;
    const findCopy = this.prepare('SELECT id FROM collection_items WHERE discogs_instance_id = ?');
    const upsertCopy = this.prepare(
      `INSERT INTO collection_items (album_id, source, discogs_release_id, discogs_instance_id, folder_id, rating, date_added, support,
         formats, labels, genres, styles, master_id, release_year, cover_url, thumb_url, notes, seen_by_import, created_at, updated_at)
       VALUES (@albumId, 'discogs', @releaseId, @instanceId, @folderId, @rating, @dateAdded, @support, @formats, @labels, @genres, @styles,
         @masterId, @year, @coverUrl, @thumbUrl, @notes, @run, @now, @now)
       ON CONFLICT (discogs_instance_id) DO UPDATE SET album_id = excluded.album_id, discogs_release_id = excluded.discogs_release_id,
         folder_id = excluded.folder_id, rating = excluded.rating, date_added = excluded.date_added, support = excluded.support,
         formats = excluded.formats, labels = excluded.labels, genres = excluded.genres, styles = excluded.styles,
         master_id = excluded.master_id, release_year = excluded.release_year, cover_url = excluded.cover_url,
         thumb_url = excluded.thumb_url, notes = excluded.notes, seen_by_import = excluded.seen_by_import, updated_at = excluded.updated_at`,
    );
    const upsertMetadata = this.prepare(
      `INSERT INTO metadata (album_id, labels, film_title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (album_id) DO UPDATE SET labels = excluded.labels, film_title = COALESCE(metadata.film_title, excluded.film_title),
         updated_at = excluded.updated_at`,
    );
    const result = { created: 0, updated: 0, newAlbumIds: [] as number[] } satisfies CopiesStored;
    sql.transaction(() => {
      const now = nowSeconds();
      for (const copy of copies) {
        const support = supportOf(copy.formats);
        const soundtrack = isSoundtrack(copy.genres, copy.styles, copy.title);
        const { albumId, created } = this.resolveAlbum(copy, support, soundtrack, now);
        if (created) result.newAlbumIds.push(albumId);
        copy.artists.forEach((artist, position) => this.linkArtist(albumId, artist.name, artist.discogsId, position, now));
        const labels = [...new Set(copy.labels.map((label) => label.name))];
        upsertMetadata.run(albumId, JSON.stringify(labels), soundtrack ? filmTitleOf(copy.title) : null, now, now);
        const existed = findCopy.get(copy.instanceId) !== undefined;
        upsertCopy.run({
          albumId, releaseId: copy.releaseId, instanceId: copy.instanceId, folderId: copy.folderId, rating: copy.rating,
          dateAdded: copy.dateAdded, support, formats: JSON.stringify(copy.formats), labels: JSON.stringify(copy.labels),
          genres: JSON.stringify(copy.genres), styles: JSON.stringify(copy.styles), masterId: copy.masterId, year: copy.year,
          coverUrl: copy.coverUrl, thumbUrl: copy.thumbUrl, notes: copy.notes, now, run,
        });
        if (existed) result.updated += 1;
        else result.created += 1;
      }
    })();
    return result;
  }

  async removeCopiesNotSeenBy(run: number): Promise<number> {
    return this.db.sqlite.prepare(`DELETE FROM collection_items WHERE source = 'discogs' AND (seen_by_import IS NULL OR seen_by_import <> ?)`).run(run).changes;
  }

  list(query: AlbumQuery): Promise<AlbumPage> {
    return Promise.resolve(listAlbums(this.db.sqlite, query));
  }

  show(albumId: number): Promise<AlbumDetail | undefined> {
    return Promise.resolve(showAlbum(this.db.sqlite, albumId));
  }

  async add(album: NewAlbum): Promise<{ albumId: number; created: boolean; copyId: number }> {
    const sql = this.db.sqlite;
    return sql.transaction(() => {
      const now = nowSeconds();
      const { artistKey, titleKey } = albumKey(album.artist, album.title);
      if (!artistKey || !titleKey) throw new UserError('an album needs a title and an artist made of letters or digits');
      const existing = sql.prepare('SELECT id FROM albums WHERE artist_key = ? AND title_key = ?').get(artistKey, titleKey) as { id: number } | undefined;
      let albumId = existing?.id;
      if (albumId === undefined) {
        albumId = Number(
          sql
            .prepare(
              `INSERT INTO albums (title, title_key, artist_name, artist_key, year, support, source, discogs_id, spotify_url,
                 apple_music_url, genres, is_soundtrack, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, 'manual', ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(album.title, titleKey, album.artist, artistKey, album.year ?? null, album.support ?? null, album.discogsId ?? null,
              album.spotifyUrl ?? null, appleMusicSearchUrl(album.artist, album.title), JSON.stringify(album.genres ?? []),
              album.soundtrack ? 1 : 0, now, now).lastInsertRowid,
        );
        this.linkArtist(albumId, album.artist, null, 0, now);
      }
      // The copy keeps its Discogs release even when the album was known before (from listens, say): its tracklist is that release's.
      const copyId = Number(
        sql
          .prepare(`INSERT INTO collection_items (album_id, source, discogs_release_id, support, genres, release_year, notes, date_added, created_at, updated_at)
                    VALUES (?, 'manual', ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(albumId, album.discogsId ?? null, album.support ?? null, JSON.stringify(album.genres ?? []), album.year ?? null, album.notes ?? null, now, now, now).lastInsertRowid,
      );
      return { albumId, created: existing === undefined, copyId };
    })();
  }

  async edit(albumId: number, changes: AlbumChanges): Promise<void> {
    const sql = this.db.sqlite;
    sql.transaction(() => {
      const album = sql.prepare('SELECT title, artist_name FROM albums WHERE id = ?').get(albumId) as { title: string; artist_name: string } | undefined;
      if (!album) throw new NotFoundError(`no album #${albumId}`);
      const now = nowSeconds();
      const title = changes.title ?? album.title;
      const artist = changes.artist ?? album.artist_name;
      if (changes.title !== undefined || changes.artist !== undefined) {
        const { artistKey, titleKey } = albumKey(artist, title);
        const clash = sql.prepare('SELECT id FROM albums WHERE artist_key = ? AND title_key = ? AND id <> ?').get(artistKey, titleKey, albumId) as { id: number } | undefined;
        if (clash) throw new UserError(`album #${clash.id} already has this title and artist`);
        sql.prepare('UPDATE albums SET title = ?, title_key = ?, artist_name = ?, artist_key = ?, updated_at = ? WHERE id = ?').run(title, titleKey, artist, artistKey, now, albumId);
        if (changes.artist !== undefined) {
          sql.prepare('DELETE FROM album_artist WHERE album_id = ?').run(albumId);
          this.linkArtist(albumId, artist, null, 0, now);
        }
      }
      const set: string[] = [];
      const values: unknown[] = [];
      const assign = (column: string, value: unknown) => {
        set.push(`${column} = ?`);
        values.push(value);
      };
      if (changes.year !== undefined) assign('year', changes.year);
      if (changes.support !== undefined) assign('support', changes.support);
      if (changes.genres !== undefined) assign('genres', JSON.stringify(changes.genres));
      if (changes.soundtrack !== undefined) assign('is_soundtrack', changes.soundtrack ? 1 : 0);
      if (changes.spotifyUrl !== undefined) assign('spotify_url', changes.spotifyUrl);
      if (set.length) sql.prepare(`UPDATE albums SET ${set.join(', ')}, updated_at = ? WHERE id = ?`).run(...values, now, albumId);
    })();
  }

  async removeCopies(albumId: number, copyId?: number): Promise<number> {
    const sql = this.db.sqlite;
    if (!sql.prepare('SELECT 1 FROM albums WHERE id = ?').get(albumId)) throw new NotFoundError(`no album #${albumId}`);
    if (copyId === undefined) return sql.prepare('DELETE FROM collection_items WHERE album_id = ?').run(albumId).changes;
    const removed = sql.prepare('DELETE FROM collection_items WHERE album_id = ? AND id = ?').run(albumId, copyId).changes;
    if (!removed) throw new NotFoundError(`album #${albumId} has no copy #${copyId}`);
    return removed;
  }

  /** The album of a copy: found by its keys (maybe created by the Last.fm ingest) or created. */
  private resolveAlbum(copy: OwnedCopy, support: string, soundtrack: boolean, now: number): { albumId: number; created: boolean } {
    const artistName = albumArtistName(copy.artists);
    const { artistKey, titleKey } = albumKey(artistName, copy.title);
    const found = this.prepare('SELECT id, discogs_id FROM albums WHERE artist_key = ? AND title_key = ?').get(artistKey, titleKey) as
      | { id: number; discogs_id: number | null }
      | undefined;
    const genres = JSON.stringify(copy.genres);
    const styles = JSON.stringify(copy.styles);
    if (!found) {
      const info = this
        .prepare(
          `INSERT INTO albums (title, title_key, artist_name, artist_key, year, support, source, discogs_id, discogs_master_id, discogs_url,
             apple_music_url, genres, styles, is_soundtrack, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'discogs', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(copy.title, titleKey, artistName, artistKey, copy.year, support, copy.releaseId, copy.masterId, copy.discogsUrl,
          appleMusicSearchUrl(artistName, copy.title), genres, styles, soundtrack ? 1 : 0, now, now);
      return { albumId: Number(info.lastInsertRowid), created: true };
    }
    this
      .prepare(
        `UPDATE albums SET discogs_id = COALESCE(discogs_id, ?), discogs_master_id = COALESCE(discogs_master_id, ?),
           discogs_url = COALESCE(discogs_url, ?), year = COALESCE(year, ?), support = COALESCE(support, ?),
           genres = CASE WHEN genres = '[]' THEN ? ELSE genres END, styles = CASE WHEN styles = '[]' THEN ? ELSE styles END,
           is_soundtrack = MAX(is_soundtrack, ?), updated_at = ? WHERE id = ?`,
      )
      .run(copy.releaseId, copy.masterId, copy.discogsUrl, copy.year, support, genres, styles, soundtrack ? 1 : 0, now, found.id);
    if (found.discogs_id === null) {
      // A Discogs cover can now be found for it: an earlier "not found" must not wait out its retry time.
      this.prepare(`DELETE FROM enrichment_attempts WHERE entity_type = 'album' AND entity_id = ? AND provider = 'discogs' AND status <> 'success'`).run(found.id);
    }
    return { albumId: found.id, created: false };
  }

  private linkArtist(albumId: number, name: string, discogsId: number | null, position: number, now: number): void {
    const key = nameKey(name);
    if (!key) return;
    const row = this
      .prepare(
        `INSERT INTO artists (name, name_key, discogs_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name_key) DO UPDATE SET discogs_id = COALESCE(artists.discogs_id, excluded.discogs_id)
         RETURNING id`,
      )
      .get(name, key, discogsId, now, now) as { id: number };
    this.prepare('INSERT OR IGNORE INTO album_artist (album_id, artist_id, position, created_at) VALUES (?, ?, ?, ?)').run(albumId, row.id, position, now);
  }
}
