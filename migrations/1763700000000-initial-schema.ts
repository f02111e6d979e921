import type { MigrationInterface } from 'typeorm/migration/MigrationInterface.js';
import type { QueryRunner } from 'typeorm/query-runner/QueryRunner.js';

/**
 * The whole data model of SPEC §3. Names are matched through normalised keys
 * (name_key, title_key, artist_key, identity_key); the display name is kept as given.
 * Times are UTC epoch seconds.
 */
const UP = [
  `CREATE TABLE artists (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR NOT NULL,
    name_key VARCHAR NOT NULL,
    discogs_id INTEGER,
    spotify_id VARCHAR,
    musicbrainz_id VARCHAR,
    lastfm_url VARCHAR,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  `CREATE UNIQUE INDEX uq_artists_name_key ON artists (name_key)`,
  `CREATE INDEX idx_artists_discogs_id ON artists (discogs_id)`,

  `CREATE TABLE albums (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title VARCHAR NOT NULL,
    title_key VARCHAR NOT NULL,
    artist_name VARCHAR NOT NULL,
    artist_key VARCHAR NOT NULL,
    year INTEGER,
    support VARCHAR,
    source VARCHAR NOT NULL DEFAULT 'lastfm',
    discogs_id INTEGER,
    discogs_master_id INTEGER,
    discogs_url VARCHAR,
    spotify_id VARCHAR,
    spotify_url VARCHAR,
    apple_music_url VARCHAR,
    musicbrainz_id VARCHAR,
    genres TEXT NOT NULL DEFAULT '[]',
    styles TEXT NOT NULL DEFAULT '[]',
    is_soundtrack INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  `CREATE UNIQUE INDEX uq_albums_identity ON albums (artist_key, title_key)`,
  `CREATE INDEX idx_albums_title_key ON albums (title_key)`,
  `CREATE INDEX idx_albums_discogs_id ON albums (discogs_id)`,
  `CREATE INDEX idx_albums_year ON albums (year)`,
  `CREATE INDEX idx_albums_support ON albums (support)`,

  `CREATE TABLE album_artist (
    album_id INTEGER NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
    artist_id INTEGER NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (album_id, artist_id)
  )`,
  `CREATE INDEX idx_album_artist_artist ON album_artist (artist_id)`,

  `CREATE TABLE tracks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    album_id INTEGER REFERENCES albums (id) ON DELETE CASCADE,
    artist_id INTEGER NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
    title VARCHAR NOT NULL,
    title_key VARCHAR NOT NULL,
    identity_key VARCHAR NOT NULL,
    track_number INTEGER,
    duration_seconds INTEGER,
    spotify_id VARCHAR,
    musicbrainz_id VARCHAR,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  `CREATE UNIQUE INDEX uq_tracks_identity ON tracks (identity_key)`,
  `CREATE INDEX idx_tracks_album ON tracks (album_id)`,
  `CREATE INDEX idx_tracks_artist ON tracks (artist_id)`,

  `CREATE TABLE listening_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    track_id INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    timestamp INTEGER NOT NULL,
    source VARCHAR NOT NULL,
    loved INTEGER NOT NULL DEFAULT 0,
    zone VARCHAR,
    played_seconds INTEGER,
    created_at INTEGER NOT NULL
  )`,
  `CREATE UNIQUE INDEX uq_listens_track_time ON listening_history (track_id, timestamp)`,
  `CREATE INDEX idx_listens_time ON listening_history (timestamp)`,
  `CREATE INDEX idx_listens_source_time ON listening_history (source, timestamp)`,
  `CREATE INDEX idx_listens_loved_time ON listening_history (loved, timestamp)`,

  `CREATE TABLE images (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    url VARCHAR NOT NULL,
    image_type VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    artist_id INTEGER REFERENCES artists (id) ON DELETE CASCADE,
    album_id INTEGER REFERENCES albums (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((artist_id IS NULL) <> (album_id IS NULL))
  )`,
  `CREATE INDEX idx_images_album ON images (album_id, image_type)`,
  `CREATE INDEX idx_images_artist ON images (artist_id, image_type)`,

  `CREATE TABLE metadata (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    album_id INTEGER NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
    ai_info TEXT,
    ai_info_model VARCHAR,
    ai_info_prompt_version VARCHAR,
    ai_info_language VARCHAR,
    ai_info_at INTEGER,
    resume TEXT,
    resume_model VARCHAR,
    resume_prompt_version VARCHAR,
    resume_at INTEGER,
    labels TEXT NOT NULL DEFAULT '[]',
    film_title VARCHAR,
    film_year INTEGER,
    film_director VARCHAR,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  `CREATE UNIQUE INDEX uq_metadata_album ON metadata (album_id)`,
  `CREATE INDEX idx_metadata_film_title ON metadata (film_title)`,

  `CREATE TABLE ai_texts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    language VARCHAR NOT NULL,
    text TEXT NOT NULL,
    model VARCHAR NOT NULL,
    prompt_version VARCHAR NOT NULL,
    created_at INTEGER NOT NULL
  )`,
  `CREATE INDEX idx_ai_texts_kind_subject ON ai_texts (kind, subject, created_at)`,

  `CREATE TABLE collection_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    album_id INTEGER NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
    source VARCHAR NOT NULL DEFAULT 'manual',
    discogs_release_id INTEGER,
    discogs_instance_id INTEGER,
    folder_id INTEGER,
    rating INTEGER,
    date_added INTEGER,
    support VARCHAR,
    formats TEXT NOT NULL DEFAULT '[]',
    labels TEXT NOT NULL DEFAULT '[]',
    genres TEXT NOT NULL DEFAULT '[]',
    styles TEXT NOT NULL DEFAULT '[]',
    master_id INTEGER,
    release_year INTEGER,
    cover_url VARCHAR,
    thumb_url VARCHAR,
    notes TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  `CREATE UNIQUE INDEX uq_collection_instance ON collection_items (discogs_instance_id)`,
  `CREATE INDEX idx_collection_album ON collection_items (album_id)`,
  `CREATE INDEX idx_collection_date_added ON collection_items (date_added)`,

  `CREATE TABLE playlists (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR NOT NULL,
    algorithm VARCHAR NOT NULL DEFAULT 'manual',
    ai_prompt TEXT,
    seed INTEGER,
    params TEXT NOT NULL DEFAULT '{}',
    track_count INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  `CREATE TABLE playlist_tracks (
    playlist_id INTEGER NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
    track_id INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (playlist_id, track_id)
  )`,
  `CREATE UNIQUE INDEX uq_playlist_position ON playlist_tracks (playlist_id, position)`,

  `CREATE TABLE service_states (
    service_name VARCHAR PRIMARY KEY NOT NULL,
    is_active INTEGER NOT NULL DEFAULT 0,
    last_updated INTEGER NOT NULL,
    last_error TEXT
  )`,

  `CREATE TABLE job_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job VARCHAR NOT NULL,
    trigger VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    duration_ms INTEGER,
    output_file VARCHAR,
    error TEXT,
    details TEXT NOT NULL DEFAULT '{}'
  )`,
  `CREATE INDEX idx_job_runs_job_started ON job_runs (job, started_at)`,

  `CREATE TABLE sync_state (
    key VARCHAR PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  )`,

  `CREATE TABLE enrichment_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_type VARCHAR NOT NULL,
    entity_id INTEGER NOT NULL,
    provider VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    last_attempt_at INTEGER,
    next_retry_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`,
  `CREATE UNIQUE INDEX uq_enrichment_entity_provider ON enrichment_attempts (entity_type, entity_id, provider)`,
  `CREATE INDEX idx_enrichment_due ON enrichment_attempts (status, next_retry_at)`,
];

const TABLES = [
  'enrichment_attempts', 'sync_state', 'job_runs', 'service_states', 'playlist_tracks', 'playlists',
  'collection_items', 'ai_texts', 'metadata', 'images', 'listening_history', 'tracks', 'album_artist',
  'albums', 'artists',
];

export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
