import type BetterSqlite3 from 'better-sqlite3';
import { nameKey } from '../../core/names.js';
import type { AlbumDetail, AlbumPage, AlbumQuery, AlbumSummary, OwnedCopyView } from '../../core/collection/queries.js';

/** Cover preference: Cover Art Archive (free to reuse), then Discogs, then Spotify. */
/** Which cover is shown when several sources found one (the free archive first). */
export const COVER_ORDER = `CASE i.source WHEN 'coverart' THEN 0 WHEN 'discogs' THEN 1 ELSE 2 END`;
const PLAYS = `(SELECT COUNT(*) FROM tracks t JOIN listening_history l ON l.track_id = t.id WHERE t.album_id = a.id)`;
const OWNED = `EXISTS (SELECT 1 FROM collection_items ci WHERE ci.album_id = a.id)`;

const SUMMARY_COLUMNS = `a.id, a.title, a.artist_name, a.year, a.support, a.discogs_id, a.spotify_url, a.genres, a.is_soundtrack,
  (SELECT group_concat(name, char(31)) FROM (SELECT ar.name FROM album_artist aa JOIN artists ar ON ar.id = aa.artist_id
     WHERE aa.album_id = a.id ORDER BY aa.position)) AS artist_names,
  COALESCE((SELECT i.url FROM images i WHERE i.album_id = a.id AND i.image_type = 'album' ORDER BY ${COVER_ORDER}, i.id LIMIT 1),
    (SELECT ci.cover_url FROM collection_items ci WHERE ci.album_id = a.id AND ci.cover_url IS NOT NULL ORDER BY ci.id LIMIT 1)) AS cover_url,
  (SELECT COUNT(*) FROM collection_items ci WHERE ci.album_id = a.id) AS copies,
  ${PLAYS} AS plays`;

interface SummaryRow {
  id: number; title: string; artist_name: string; year: number | null; support: string | null; discogs_id: number | null;
  spotify_url: string | null; genres: string; is_soundtrack: number; artist_names: string | null; cover_url: string | null;
  copies: number; plays: number;
}

function toSummary(row: SummaryRow): AlbumSummary {
  return {
    id: row.id,
    title: row.title,
    artists: row.artist_names ? row.artist_names.split('\u001f') : [row.artist_name],
    year: row.year,
    support: row.support,
    discogsId: row.discogs_id,
    spotifyUrl: row.spotify_url,
    coverUrl: row.cover_url,
    genres: JSON.parse(row.genres) as string[],
    isSoundtrack: row.is_soundtrack === 1,
    copies: row.copies,
    plays: row.plays,
  };
}

const ORDER: Record<AlbumQuery['sort'], string> = {
  artist: 'a.artist_key, a.title_key',
  title: 'a.title_key, a.artist_key',
  year: 'a.year IS NULL, a.year, a.artist_key',
  added: `(SELECT MAX(ci.date_added) FROM collection_items ci WHERE ci.album_id = a.id), a.id`,
  plays: `${PLAYS}, a.artist_key`,
};

function likeKey(text: string): string {
  return `%${nameKey(text).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

export function listAlbums(sql: BetterSqlite3.Database, query: AlbumQuery): AlbumPage {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.scope === 'owned') where.push(OWNED);
  if (query.scope === 'listened') where.push(`NOT ${OWNED}`, `EXISTS (SELECT 1 FROM tracks t JOIN listening_history l ON l.track_id = t.id WHERE t.album_id = a.id)`);
  if (query.support) {
    where.push(`(a.support = ? OR EXISTS (SELECT 1 FROM collection_items ci WHERE ci.album_id = a.id AND ci.support = ?))`);
    params.push(query.support, query.support);
  }
  if (query.yearFrom !== undefined) {
    where.push('a.year >= ?');
    params.push(query.yearFrom);
  }
  if (query.yearTo !== undefined) {
    where.push('a.year <= ?');
    params.push(query.yearTo);
  }
  if (query.artist) {
    where.push(`(a.artist_key LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM album_artist aa JOIN artists ar ON ar.id = aa.artist_id
      WHERE aa.album_id = a.id AND ar.name_key LIKE ? ESCAPE '\\'))`);
    params.push(likeKey(query.artist), likeKey(query.artist));
  }
  if (query.genre) {
    where.push(`EXISTS (SELECT 1 FROM json_each(a.genres) g WHERE lower(g.value) = lower(?)
      UNION ALL SELECT 1 FROM json_each(a.styles) s WHERE lower(s.value) = lower(?))`);
    params.push(query.genre, query.genre);
  }
  if (query.soundtrack !== undefined) {
    where.push('a.is_soundtrack = ?');
    params.push(query.soundtrack ? 1 : 0);
  }
  if (query.text) {
    for (const word of nameKey(query.text).split(' ').filter(Boolean)) {
      where.push(`(a.title_key LIKE ? ESCAPE '\\' OR a.artist_key LIKE ? ESCAPE '\\')`);
      params.push(likeKey(word), likeKey(word));
    }
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (sql.prepare(`SELECT COUNT(*) AS n FROM albums a ${filter}`).get(...params) as { n: number }).n;
  const direction = query.descending ? 'DESC' : 'ASC';
  // Albums without a year stay last whichever way the years run.
  const order = ORDER[query.sort].split(', ').map((part) => (part.endsWith('IS NULL') ? part : `${part} ${direction}`)).join(', ');
  const rows = sql
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM albums a ${filter} ORDER BY ${order}, a.id ${direction} LIMIT ? OFFSET ?`)
    .all(...params, query.pageSize, (query.page - 1) * query.pageSize) as SummaryRow[];
  return { items: rows.map(toSummary), total };
}

interface DetailRow extends SummaryRow {
  styles: string; source: string; discogs_master_id: number | null; discogs_url: string | null; apple_music_url: string | null;
  musicbrainz_id: string | null;
}

export function showAlbum(sql: BetterSqlite3.Database, albumId: number): AlbumDetail | undefined {
  const row = sql
    .prepare(`SELECT ${SUMMARY_COLUMNS}, a.styles, a.source, a.discogs_master_id, a.discogs_url, a.apple_music_url, a.musicbrainz_id FROM albums a WHERE a.id = ?`)
    .get(albumId) as DetailRow | undefined;
  if (!row) return undefined;
  const meta = sql.prepare('SELECT * FROM metadata WHERE album_id = ?').get(albumId) as
    | { ai_info: string | null; ai_info_model: string | null; resume: string | null; labels: string; film_title: string | null; film_year: number | null; film_director: string | null }
    | undefined;
  const imageRows = sql.prepare(`SELECT i.url, i.source FROM images i WHERE i.album_id = ? AND i.image_type = 'album' ORDER BY ${COVER_ORDER}, i.id`).all(albumId) as { url: string; source: string }[];
  const copies = sql.prepare('SELECT * FROM collection_items WHERE album_id = ? ORDER BY date_added DESC, id').all(albumId) as Record<string, unknown>[];
  const itemCovers = copies.filter((copy) => copy.cover_url).map((copy) => ({ url: String(copy.cover_url), source: 'discogs' }));
  const lastPlayed = (sql.prepare('SELECT MAX(l.timestamp) AS at FROM tracks t JOIN listening_history l ON l.track_id = t.id WHERE t.album_id = ?').get(albumId) as { at: number | null }).at;
  const attempts = sql
    .prepare(`SELECT provider, status, attempts, next_retry_at, last_error FROM enrichment_attempts WHERE entity_type = 'album' AND entity_id = ? ORDER BY provider`)
    .all(albumId) as { provider: string; status: string; attempts: number; next_retry_at: number | null; last_error: string | null }[];
  const covers = [...imageRows, ...itemCovers].filter((cover, index, all) => all.findIndex((other) => other.url === cover.url) === index);
  return {
    ...toSummary(row),
    styles: JSON.parse(row.styles) as string[],
    labels: meta ? (JSON.parse(meta.labels) as string[]) : [],
    covers,
    links: {
      discogs: row.discogs_url,
      spotify: row.spotify_url,
      appleMusic: row.apple_music_url,
      musicbrainz: row.musicbrainz_id ? `https://musicbrainz.org/release-group/${row.musicbrainz_id}` : null,
    },
    discogsMasterId: row.discogs_master_id,
    musicbrainzId: row.musicbrainz_id,
    film: { title: meta?.film_title ?? null, year: meta?.film_year ?? null, director: meta?.film_director ?? null },
    ai: { description: meta?.ai_info ?? null, model: meta?.ai_info_model ?? null, summary: meta?.resume ?? null },
    ownedCopies: copies.map(toCopyView),
    lastPlayed,
    enrichment: attempts.map((a) => ({ provider: a.provider, status: a.status, attempts: a.attempts, nextRetryAt: a.next_retry_at, lastError: a.last_error })),
    source: row.source,
  };
}

function toCopyView(copy: Record<string, unknown>): OwnedCopyView {
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    id: Number(copy.id),
    source: String(copy.source),
    discogsReleaseId: num(copy.discogs_release_id),
    instanceId: num(copy.discogs_instance_id),
    folderId: num(copy.folder_id),
    rating: num(copy.rating),
    dateAdded: num(copy.date_added),
    support: text(copy.support),
    formats: JSON.parse(String(copy.formats)) as unknown[],
    labels: JSON.parse(String(copy.labels)) as unknown[],
    masterId: num(copy.master_id),
    releaseYear: num(copy.release_year),
    coverUrl: text(copy.cover_url),
    notes: text(copy.notes),
  };
}
