import { EntitySchema } from 'typeorm/entity-schema/EntitySchema.js';
import { bool, epoch, id, int, json, str } from './columns.js';

export interface ArtistRow {
  id: number; name: string; name_key: string; discogs_id: number | null; spotify_id: string | null;
  musicbrainz_id: string | null; lastfm_url: string | null; created_at: number; updated_at: number;
}

export const ArtistEntity = new EntitySchema<ArtistRow>({
  name: 'Artist',
  tableName: 'artists',
  columns: {
    id: id(), name: str(), name_key: str(), discogs_id: int(true), spotify_id: str(true),
    musicbrainz_id: str(true), lastfm_url: str(true), created_at: epoch(), updated_at: epoch(),
  },
  indices: [
    { name: 'uq_artists_name_key', columns: ['name_key'], unique: true },
    { name: 'idx_artists_discogs_id', columns: ['discogs_id'] },
  ],
});

export interface AlbumRow {
  id: number; title: string; title_key: string; artist_name: string; artist_key: string; year: number | null;
  support: string | null; source: string; discogs_id: number | null; discogs_master_id: number | null;
  discogs_url: string | null; spotify_id: string | null; spotify_url: string | null; apple_music_url: string | null;
  musicbrainz_id: string | null; genres: string; styles: string; is_soundtrack: boolean;
  created_at: number; updated_at: number;
}

export const AlbumEntity = new EntitySchema<AlbumRow>({
  name: 'Album',
  tableName: 'albums',
  columns: {
    id: id(), title: str(), title_key: str(), artist_name: str(), artist_key: str(), year: int(true),
    support: str(true), source: { type: 'varchar', default: 'lastfm' }, discogs_id: int(true),
    discogs_master_id: int(true), discogs_url: str(true), spotify_id: str(true), spotify_url: str(true),
    apple_music_url: str(true), musicbrainz_id: str(true), genres: json('[]'), styles: json('[]'),
    is_soundtrack: bool(), created_at: epoch(), updated_at: epoch(),
  },
  indices: [
    { name: 'uq_albums_identity', columns: ['artist_key', 'title_key'], unique: true },
    { name: 'idx_albums_title_key', columns: ['title_key'] },
    { name: 'idx_albums_discogs_id', columns: ['discogs_id'] },
    { name: 'idx_albums_year', columns: ['year'] },
    { name: 'idx_albums_support', columns: ['support'] },
  ],
});

export interface AlbumArtistRow { album_id: number; artist_id: number; position: number; created_at: number }

export const AlbumArtistEntity = new EntitySchema<AlbumArtistRow>({
  name: 'AlbumArtist',
  tableName: 'album_artist',
  columns: {
    album_id: { type: 'integer', primary: true }, artist_id: { type: 'integer', primary: true },
    position: { type: 'integer', default: 0 }, created_at: epoch(),
  },
  indices: [{ name: 'idx_album_artist_artist', columns: ['artist_id'] }],
});

export interface TrackRow {
  id: number; album_id: number | null; artist_id: number; title: string; title_key: string; identity_key: string;
  track_number: number | null; duration_seconds: number | null; spotify_id: string | null;
  musicbrainz_id: string | null; created_at: number; updated_at: number;
}

export const TrackEntity = new EntitySchema<TrackRow>({
  name: 'Track',
  tableName: 'tracks',
  columns: {
    id: id(), album_id: int(true), artist_id: int(), title: str(), title_key: str(), identity_key: str(),
    track_number: int(true), duration_seconds: int(true), spotify_id: str(true), musicbrainz_id: str(true),
    created_at: epoch(), updated_at: epoch(),
  },
  indices: [
    { name: 'uq_tracks_identity', columns: ['identity_key'], unique: true },
    { name: 'idx_tracks_album', columns: ['album_id'] },
    { name: 'idx_tracks_artist', columns: ['artist_id'] },
  ],
});

export interface ListenRow {
  id: number; track_id: number; timestamp: number; source: string; loved: boolean; zone: string | null;
  played_seconds: number | null; created_at: number;
  /** The other source's copy this listen absorbed (a Roon play's scrobble, or the reverse). */
  merged_source: string | null; merged_timestamp: number | null;
  /** The program that reported the play (ListenBrainz submission_client / media_player). */
  client: string | null;
}

export const ListenEntity = new EntitySchema<ListenRow>({
  name: 'Listen',
  tableName: 'listening_history',
  columns: {
    id: id(), track_id: int(), timestamp: epoch(), source: str(), loved: bool(), zone: str(true),
    played_seconds: int(true), created_at: epoch(), merged_source: str(true), merged_timestamp: epoch(true), client: str(true),
  },
  indices: [
    { name: 'uq_listens_track_time', columns: ['track_id', 'timestamp'], unique: true },
    { name: 'idx_listens_time', columns: ['timestamp'] },
    { name: 'idx_listens_source_time', columns: ['source', 'timestamp'] },
    { name: 'idx_listens_loved_time', columns: ['loved', 'timestamp'] },
  ],
});
