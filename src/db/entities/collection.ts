import { EntitySchema } from 'typeorm/entity-schema/EntitySchema.js';
import { epoch, id, int, json, str, text } from './columns.js';

/** One owned copy: the same Discogs release owned twice is two rows (instance ids). */
export interface CollectionItemRow {
  id: number; album_id: number; source: string; discogs_release_id: number | null;
  discogs_instance_id: number | null; folder_id: number | null; rating: number | null; date_added: number | null;
  support: string | null; formats: string; labels: string; genres: string; styles: string; master_id: number | null;
  release_year: number | null; cover_url: string | null; thumb_url: string | null; notes: string | null;
  seen_by_import: number | null; created_at: number; updated_at: number;
}

export const CollectionItemEntity = new EntitySchema<CollectionItemRow>({
  name: 'CollectionItem',
  tableName: 'collection_items',
  columns: {
    id: id(), album_id: int(), source: { type: 'varchar', default: 'manual' }, discogs_release_id: int(true),
    discogs_instance_id: int(true), folder_id: int(true), rating: int(true), date_added: epoch(true),
    support: str(true), formats: json('[]'), labels: json('[]'), genres: json('[]'), styles: json('[]'),
    master_id: int(true), release_year: int(true), cover_url: str(true), thumb_url: str(true), notes: text(true),
    seen_by_import: int(true), created_at: epoch(), updated_at: epoch(),
  },
  indices: [
    { name: 'uq_collection_instance', columns: ['discogs_instance_id'], unique: true },
    { name: 'idx_collection_album', columns: ['album_id'] },
    { name: 'idx_collection_date_added', columns: ['date_added'] },
  ],
});

export interface PlaylistRow {
  id: number; name: string; algorithm: string; ai_prompt: string | null; seed: number | null; params: string;
  track_count: number; created_at: number; updated_at: number;
}

export const PlaylistEntity = new EntitySchema<PlaylistRow>({
  name: 'Playlist',
  tableName: 'playlists',
  columns: {
    id: id(), name: str(), algorithm: { type: 'varchar', default: 'manual' }, ai_prompt: text(true),
    seed: int(true), params: json('{}'), track_count: { type: 'integer', default: 0 }, created_at: epoch(),
    updated_at: epoch(),
  },
});

export interface PlaylistTrackRow { playlist_id: number; track_id: number; position: number }

export const PlaylistTrackEntity = new EntitySchema<PlaylistTrackRow>({
  name: 'PlaylistTrack',
  tableName: 'playlist_tracks',
  columns: {
    playlist_id: { type: 'integer', primary: true }, track_id: { type: 'integer', primary: true }, position: int(),
  },
  indices: [{ name: 'uq_playlist_position', columns: ['playlist_id', 'position'], unique: true }],
});
