import { periodDigest } from './period-digest.js';
import type { AiFactsRepository, AlbumFacts, ArtistFacts, CollectionSummary, Counted, ListeningSummary } from '../../core/ai/ports.js';
import { NotFoundError, UserError } from '../../core/errors.js';
import { nameKey } from '../../core/names.js';
import type { Database } from '../data-source.js';

interface AlbumRow {
  id: number;
  title: string;
  artist_name: string;
  year: number | null;
  genres: string;
  styles: string;
  labels: string | null;
}

function strings(json: string | null): string[] {
  if (!json) return [];
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.length > 0) : [];
  } catch {
    return [];
  }
}

/**
 * The facts AI prompts are built from. The columns read here are the whole list of what may
 * leave the machine: no Spotify column, no user name, no key is ever selected.
 */
export class SqliteAiFacts implements AiFactsRepository {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  async albumFacts(albumId: number): Promise<AlbumFacts | undefined> {
    const sql = this.db.sqlite;
    const row = sql
      .prepare(
        `SELECT a.id, a.title, a.artist_name, a.year, a.genres, a.styles, m.labels
         FROM albums a LEFT JOIN metadata m ON m.album_id = a.id WHERE a.id = ?`,
      )
      .get(albumId) as AlbumRow | undefined;
    if (!row) return undefined;
    const artists = (sql.prepare('SELECT ar.name FROM album_artist aa JOIN artists ar ON ar.id = aa.artist_id WHERE aa.album_id = ? ORDER BY aa.position').all(albumId) as { name: string }[]).map((r) => r.name);
    const { plays } = sql.prepare('SELECT COUNT(*) AS plays FROM listening_history lh JOIN tracks t ON t.id = lh.track_id WHERE t.album_id = ?').get(albumId) as { plays: number };
    return {
      id: row.id,
      title: row.title,
      artist: row.artist_name,
      artists: artists.length > 0 ? artists : [row.artist_name],
      year: row.year,
      genres: strings(row.genres),
      styles: strings(row.styles),
      labels: strings(row.labels),
      plays,
    };
  }

  async findAlbum(query: string): Promise<AlbumFacts> {
    const text = query.trim();
    if (/^\d+$/.test(text)) {
      const byId = await this.albumFacts(Number(text));
      if (!byId) throw new NotFoundError(`no album with id ${text}`);
      return byId;
    }
    const sql = this.db.sqlite;
    const exact = sql.prepare('SELECT id, title, artist_name FROM albums WHERE artist_key = ? AND title_key = ?');
    const matches: { id: number; title: string; artist_name: string }[] = [];
    for (const separator of text.matchAll(/\s+[-–—]\s+/g)) {
      const artist = text.slice(0, separator.index);
      const title = text.slice((separator.index ?? 0) + separator[0].length);
      matches.push(...(exact.all(nameKey(artist), nameKey(title)) as typeof matches));
    }
    if (matches.length === 0) matches.push(...(sql.prepare('SELECT id, title, artist_name FROM albums WHERE title_key = ? ORDER BY id LIMIT 10').all(nameKey(text)) as typeof matches));
    if (matches.length === 0) {
      const key = nameKey(text).replace(/[%_]/g, '');
      if (key) matches.push(...(sql.prepare(`SELECT id, title, artist_name FROM albums WHERE title_key LIKE ? ORDER BY id LIMIT 10`).all(`%${key}%`) as typeof matches));
    }
    if (matches.length === 0) throw new NotFoundError(`no album matches "${text}" (give its id, its title, or "artist - title")`);
    if (matches.length > 1) {
      const list = matches.slice(0, 5).map((m) => `${m.id}: ${m.artist_name} - ${m.title}`).join('; ');
      throw new UserError(`"${text}" matches ${matches.length} albums (${list}); give the id or "artist - title"`);
    }
    return (await this.albumFacts(matches[0]!.id))!;
  }

  async artistFacts(name: string): Promise<ArtistFacts | undefined> {
    const sql = this.db.sqlite;
    const artist = sql.prepare('SELECT id, name FROM artists WHERE name_key = ?').get(nameKey(name)) as { id: number; name: string } | undefined;
    if (!artist) return undefined;
    const albums = sql
      .prepare(
        `SELECT a.title, a.year, a.genres, m.ai_info AS summary FROM albums a
         LEFT JOIN metadata m ON m.album_id = a.id
         WHERE a.id IN (SELECT album_id FROM album_artist WHERE artist_id = ?) OR a.artist_key = ?
         ORDER BY a.year IS NULL, a.year, a.title LIMIT 50`,
      )
      .all(artist.id, nameKey(artist.name)) as { title: string; year: number | null; genres: string; summary: string | null }[];
    const { listens } = sql.prepare('SELECT COUNT(*) AS listens FROM listening_history lh JOIN tracks t ON t.id = lh.track_id WHERE t.artist_id = ?').get(artist.id) as { listens: number };
    return { name: artist.name, listens, albums: albums.map((a) => ({ title: a.title, year: a.year, genres: strings(a.genres), summary: a.summary })) };
  }

  async listening(from: number, to: number, top: number, timeZone: string): Promise<ListeningSummary> {
    const digest = periodDigest(this.db, from, to, timeZone, top);
    return { from, to, listens: digest.listens, activeDays: digest.activeDays, topArtists: digest.topArtists, topAlbums: digest.topAlbums, newArtists: digest.newArtists };
  }

  async collection(sampleSize: number): Promise<CollectionSummary> {
    const sql = this.db.sqlite;
    const { albums } = sql.prepare('SELECT COUNT(DISTINCT album_id) AS albums FROM collection_items').get() as { albums: number };
    const supports = sql
      .prepare(`SELECT COALESCE(support, '?') AS name, COUNT(DISTINCT album_id) AS count FROM collection_items GROUP BY COALESCE(support, '?') ORDER BY count DESC, name`)
      .all() as Counted[];
    const genres = sql
      .prepare(
        `SELECT g.value AS name, COUNT(*) AS count FROM albums a, json_each(a.genres) g
         WHERE a.id IN (SELECT album_id FROM collection_items) AND json_valid(a.genres) GROUP BY g.value ORDER BY count DESC, name LIMIT 5`,
      )
      .all() as Counted[];
    const ids = sql.prepare('SELECT album_id AS id FROM collection_items GROUP BY album_id ORDER BY RANDOM() LIMIT ?').all(sampleSize) as { id: number }[];
    const sample: AlbumFacts[] = [];
    for (const { id } of ids) {
      const facts = await this.albumFacts(id);
      if (facts) sample.push(facts);
    }
    return { albums, supports, genres, sample };
  }

  async mostPlayedWithoutDescription(limit: number): Promise<number[]> {
    const rows = this.db.sqlite
      .prepare(
        `SELECT t.album_id AS id, COUNT(*) AS plays FROM listening_history lh JOIN tracks t ON t.id = lh.track_id
         LEFT JOIN metadata m ON m.album_id = t.album_id
         WHERE t.album_id IS NOT NULL AND m.ai_info IS NULL GROUP BY t.album_id ORDER BY plays DESC, t.album_id LIMIT ?`,
      )
      .all(limit) as { id: number }[];
    return rows.map((row) => row.id);
  }
}
