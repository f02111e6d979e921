import { periodDigest } from './period-digest.js';
import { COVER_ORDER } from './collection-queries.js';
import { nameKey } from '../../core/names.js';
import type { CollectionFilter, ExportAlbum, ExportCatalog, ExportCopy, ExportImage, ListeningSummary } from '../../core/exports/model.js';
import type { Database } from '../data-source.js';

interface AlbumRow {
  id: number; title: string; artist_name: string; year: number | null; support: string | null; source: string;
  discogs_id: number | null; discogs_url: string | null; spotify_url: string | null; apple_music_url: string | null;
  genres: string; styles: string; is_soundtrack: number; created_at: number;
}
interface CopyRow {
  album_id: number; support: string | null; formats: string; labels: string; genres: string; styles: string; rating: number | null;
  date_added: number | null; discogs_release_id: number | null; discogs_instance_id: number | null; cover_url: string | null;
}
interface MetadataRow {
  album_id: number; ai_info: string | null; resume: string | null; labels: string;
  film_title: string | null; film_year: number | null; film_director: string | null;
}
type ImageRow = ExportImage & { album_id: number };

/** Cover first: the image types the enrichment stores for an album's front. */

/**
 * The read queries of the exports: the collection's albums with their artists, copies,
 * images and AI texts, loaded in a few set-wise queries (5,000 albums in well under 1 s).
 */
export class SqliteExportCatalog implements ExportCatalog {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  async collectionAlbums(filter: CollectionFilter): Promise<ExportAlbum[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.support) {
      where.push('EXISTS (SELECT 1 FROM collection_items s WHERE s.album_id = a.id AND COALESCE(s.support, a.support) = ?)');
      params.push(filter.support);
    } else {
      where.push('EXISTS (SELECT 1 FROM collection_items s WHERE s.album_id = a.id)');
    }
    if (filter.artist) {
      const key = nameKey(filter.artist);
      where.push(`(a.artist_key = ? OR EXISTS (SELECT 1 FROM album_artist aa JOIN artists ar ON ar.id = aa.artist_id
        WHERE aa.album_id = a.id AND ar.name_key = ?))`);
      params.push(key, key);
    }
    const rows = this.db.sqlite.prepare(`SELECT a.* FROM albums a WHERE ${where.join(' AND ')} ORDER BY a.id`).all(...params) as AlbumRow[];
    return this.complete(rows);
  }

  async albumsByIds(ids: readonly number[]): Promise<ExportAlbum[]> {
    const rows = this.db.sqlite.prepare('SELECT a.* FROM albums a WHERE a.id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as AlbumRow[];
    const byId = new Map(this.complete(rows).map((album) => [album.id, album]));
    return ids.map((id) => byId.get(id)).filter((album): album is ExportAlbum => album !== undefined);
  }

  async listeningSummary(from: number, to: number, timezone: string, top: number): Promise<ListeningSummary> {
    const digest = periodDigest(this.db, from, to, timezone, top);
    return {
      from, to,
      listens: digest.listens,
      hours: Math.round((digest.playedSeconds / 3600) * 10) / 10,
      activeDays: digest.activeDays,
      topArtists: digest.topArtists,
      topAlbums: digest.topAlbums.map((album) => ({ name: album.title, artist: album.artist, plays: album.plays })),
      albumsAdded: digest.albumsAdded,
    };
  }

  private complete(rows: AlbumRow[]): ExportAlbum[] {
    if (!rows.length) return [];
    const ids = JSON.stringify(rows.map((row) => row.id));
    const inIds = 'IN (SELECT value FROM json_each(?))';
    const sqlite = this.db.sqlite;
    const credits = groupRows(sqlite.prepare(`SELECT aa.album_id, ar.name FROM album_artist aa JOIN artists ar ON ar.id = aa.artist_id
      WHERE aa.album_id ${inIds} ORDER BY aa.album_id, aa.position, ar.id`).all(ids) as { album_id: number; name: string }[]);
    const copies = groupRows(sqlite.prepare(`SELECT * FROM collection_items WHERE album_id ${inIds} ORDER BY album_id, id`).all(ids) as CopyRow[]);
    const images = groupRows(sqlite.prepare(`SELECT i.album_id, i.url, i.image_type AS type, i.source FROM images i WHERE i.album_id ${inIds} AND i.image_type = 'album' ORDER BY i.album_id, ${COVER_ORDER}, i.id`).all(ids) as ImageRow[]);
    const metadata = new Map((sqlite.prepare(`SELECT * FROM metadata WHERE album_id ${inIds}`).all(ids) as MetadataRow[]).map((row) => [row.album_id, row]));
    return rows.map((row) => toExportAlbum(row, credits.get(row.id) ?? [], copies.get(row.id) ?? [], images.get(row.id) ?? [], metadata.get(row.id)));
  }
}

function toExportAlbum(row: AlbumRow, credits: { name: string }[], copies: CopyRow[], images: ImageRow[], meta: MetadataRow | undefined): ExportAlbum {
  const supports = unique(copies.map((copy) => copy.support ?? row.support));
  if (!supports.length && row.support) supports.push(row.support);
  // The same cover the collection shows: by source preference (COVER_ORDER).
  const cover = images[0];
  return {
    id: row.id,
    title: row.title,
    artist: row.artist_name,
    artists: credits.every((credit) => credit.name === row.artist_name) ? [row.artist_name] : uniqueBy([row.artist_name, ...credits.map((credit) => credit.name)], nameKey),
    year: row.year,
    supports,
    source: row.source,
    discogsId: row.discogs_id,
    discogsUrl: row.discogs_url,
    spotifyUrl: row.spotify_url,
    appleMusicUrl: row.apple_music_url,
    genres: unique([...textList(row.genres), ...copies.flatMap((copy) => textList(copy.genres))]),
    styles: unique([...textList(row.styles), ...copies.flatMap((copy) => textList(copy.styles))]),
    labels: unique([...textList(meta?.labels), ...copies.flatMap((copy) => textList(copy.labels))]),
    soundtrack: row.is_soundtrack === 1,
    film: meta && (meta.film_title || meta.film_year || meta.film_director)
      ? { title: meta.film_title, year: meta.film_year, director: meta.film_director }
      : null,
    description: meta?.ai_info ?? null,
    summary: meta?.resume ?? null,
    images: images.map(({ url, type, source }) => ({ url, type, source })),
    coverUrl: cover?.url ?? copies.find((copy) => copy.cover_url)?.cover_url ?? null,
    copies: copies.map((copy): ExportCopy => ({
      support: copy.support,
      formats: textList(copy.formats),
      rating: copy.rating,
      dateAdded: copy.date_added,
      discogsReleaseId: copy.discogs_release_id,
      discogsInstanceId: copy.discogs_instance_id,
    })),
    createdAt: row.created_at,
  };
}

function groupRows<T extends { album_id: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(row.album_id);
    if (list) list.push(row);
    else groups.set(row.album_id, [row]);
  }
  return groups;
}

/** A JSON list column as names: strings stay, objects give their `name` (Discogs labels, formats). */
function textList(json: string | null | undefined): string[] {
  if (!json) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value
    .map((item) => (typeof item === 'string' ? item : item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string' ? (item as { name: string }).name : null))
    .filter((item): item is string => item !== null && item.trim() !== '');
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null && value !== ''))];
}

function uniqueBy(values: string[], key: (value: string) => string): string[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(key(value)) && seen.add(key(value)));
}
