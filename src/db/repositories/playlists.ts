import type { NewPlaylist, PlaylistDetail, PlaylistEntry, PlaylistStore, PlaylistSummary } from '../../core/playlists/ports.js';
import type { Database } from '../data-source.js';

const SUMMARY = `SELECT id, name, algorithm, ai_prompt AS aiPrompt, seed, track_count AS trackCount, created_at AS createdAt FROM playlists`;

/**
 * Playlists and their tracks. Positions are 1-based without gaps, (playlist_id, position)
 * is unique and (playlist_id, track_id) is the key, so a track appears once per playlist.
 */
export class SqlitePlaylists implements PlaylistStore {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  async create(playlist: NewPlaylist, trackIds: readonly number[]): Promise<number> {
    const sqlite = this.db.sqlite;
    const now = Math.floor(Date.now() / 1000);
    const insertPlaylist = sqlite.prepare(
      `INSERT INTO playlists (name, algorithm, ai_prompt, seed, params, track_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertTrack = sqlite.prepare('INSERT INTO playlist_tracks (playlist_id, track_id, position) VALUES (?, ?, ?)');
    return sqlite.transaction(() => {
      const { lastInsertRowid } = insertPlaylist.run(
        playlist.name, playlist.algorithm, playlist.aiPrompt, playlist.seed, JSON.stringify(playlist.params), trackIds.length, now, now,
      );
      const id = Number(lastInsertRowid);
      trackIds.forEach((trackId, index) => insertTrack.run(id, trackId, index + 1));
      return id;
    })();
  }

  async list(range?: { offset: number; limit: number }): Promise<PlaylistSummary[]> {
    const newestFirst = `${SUMMARY} ORDER BY created_at DESC, id DESC`;
    const rows = range ? this.db.sqlite.prepare(`${newestFirst} LIMIT ? OFFSET ?`).all(range.limit, range.offset) : this.db.sqlite.prepare(newestFirst).all();
    return rows as PlaylistSummary[];
  }

  async count(): Promise<number> {
    return Number(this.db.sqlite.prepare('SELECT count(*) FROM playlists').pluck().get());
  }

  async get(id: number): Promise<PlaylistDetail | null> {
    const summary = this.db.sqlite.prepare(`${SUMMARY} WHERE id = ?`).get(id) as PlaylistSummary | undefined;
    if (!summary) return null;
    const tracks = this.db.sqlite
      .prepare(
        `SELECT pt.position, t.id AS trackId, t.title, ar.name AS artist, al.title AS album, t.duration_seconds AS durationSeconds
         FROM playlist_tracks pt JOIN tracks t ON t.id = pt.track_id JOIN artists ar ON ar.id = t.artist_id
         LEFT JOIN albums al ON al.id = t.album_id
         WHERE pt.playlist_id = ? ORDER BY pt.position`,
      )
      .all(id) as PlaylistEntry[];
    return { ...summary, tracks };
  }

  async remove(id: number): Promise<boolean> {
    return this.db.sqlite.prepare('DELETE FROM playlists WHERE id = ?').run(id).changes > 0;
  }

  async append(id: number, trackIds: readonly number[]): Promise<number[]> {
    const sqlite = this.db.sqlite;
    const present = sqlite.prepare('SELECT track_id FROM playlist_tracks WHERE playlist_id = ?').pluck();
    const lastPosition = sqlite.prepare('SELECT COALESCE(MAX(position), 0) FROM playlist_tracks WHERE playlist_id = ?').pluck();
    const insertTrack = sqlite.prepare('INSERT INTO playlist_tracks (playlist_id, track_id, position) VALUES (?, ?, ?)');
    const touch = sqlite.prepare(
      'UPDATE playlists SET track_count = (SELECT COUNT(*) FROM playlist_tracks WHERE playlist_id = ?), updated_at = ? WHERE id = ?',
    );
    return sqlite.transaction(() => {
      const seen = new Set(present.all(id) as number[]);
      let position = lastPosition.get(id) as number;
      const added: number[] = [];
      for (const trackId of trackIds) {
        if (seen.has(trackId)) continue;
        seen.add(trackId);
        insertTrack.run(id, trackId, ++position);
        added.push(trackId);
      }
      touch.run(id, Math.floor(Date.now() / 1000), id);
      return added;
    })();
  }

  async existingTracks(trackIds: readonly number[]): Promise<Set<number>> {
    if (trackIds.length === 0) return new Set();
    const rows = this.db.sqlite
      .prepare('SELECT t.id FROM tracks t JOIN json_each(?) j ON j.value = t.id')
      .pluck()
      .all(JSON.stringify(trackIds)) as number[];
    return new Set(rows);
  }

  async findTracks(artistKey: string, titleKey: string): Promise<number[]> {
    return this.db.sqlite
      .prepare(
        `SELECT t.id FROM tracks t JOIN artists a ON a.id = t.artist_id
         WHERE a.name_key = ? AND t.title_key = ?
         ORDER BY (SELECT COUNT(*) FROM listening_history l WHERE l.track_id = t.id) DESC, t.id`,
      )
      .pluck()
      .all(artistKey, titleKey) as number[];
  }
}
