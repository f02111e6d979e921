import { EntitySchema } from 'typeorm/entity-schema/EntitySchema.js';
import { epoch, id, int, json, str, text } from './columns.js';

export interface ImageRow {
  id: number; url: string; image_type: 'album' | 'artist'; source: string; artist_id: number | null;
  album_id: number | null; created_at: number; updated_at: number;
}

export const ImageEntity = new EntitySchema<ImageRow>({
  name: 'Image',
  tableName: 'images',
  columns: {
    id: id(), url: str(), image_type: str(), source: str(), artist_id: int(true), album_id: int(true),
    created_at: epoch(), updated_at: epoch(),
  },
  checks: [{ expression: '(artist_id IS NULL) <> (album_id IS NULL)' }],
  indices: [
    { name: 'idx_images_album', columns: ['album_id', 'image_type'] },
    { name: 'idx_images_artist', columns: ['artist_id', 'image_type'] },
  ],
});

export interface MetadataRow {
  id: number; album_id: number; ai_info: string | null; ai_info_model: string | null;
  ai_info_prompt_version: string | null; ai_info_language: string | null; ai_info_at: number | null;
  resume: string | null; resume_model: string | null; resume_prompt_version: string | null; resume_at: number | null;
  labels: string; film_title: string | null; film_year: number | null; film_director: string | null;
  created_at: number; updated_at: number;
}

export const MetadataEntity = new EntitySchema<MetadataRow>({
  name: 'Metadata',
  tableName: 'metadata',
  columns: {
    id: id(), album_id: int(), ai_info: text(true), ai_info_model: str(true), ai_info_prompt_version: str(true),
    ai_info_language: str(true), ai_info_at: epoch(true), resume: text(true), resume_model: str(true),
    resume_prompt_version: str(true), resume_at: epoch(true), labels: json('[]'), film_title: str(true),
    film_year: int(true), film_director: str(true), created_at: epoch(), updated_at: epoch(),
  },
  indices: [
    { name: 'uq_metadata_album', columns: ['album_id'], unique: true },
    { name: 'idx_metadata_film_title', columns: ['film_title'] },
  ],
});

export interface AiTextRow {
  id: number; kind: string; subject: string; language: string; text: string; model: string;
  prompt_version: string; created_at: number;
}

export const AiTextEntity = new EntitySchema<AiTextRow>({
  name: 'AiText',
  tableName: 'ai_texts',
  columns: {
    id: id(), kind: str(), subject: str(), language: str(), text: text(), model: str(), prompt_version: str(),
    created_at: epoch(),
  },
  indices: [{ name: 'idx_ai_texts_kind_subject', columns: ['kind', 'subject', 'created_at'] }],
});

export interface EnrichmentAttemptRow {
  id: number; entity_type: 'album' | 'artist'; entity_id: number; provider: string;
  status: 'pending' | 'success' | 'not-found' | 'failed'; attempts: number; last_error: string | null;
  last_attempt_at: number | null; next_retry_at: number | null; created_at: number; updated_at: number;
}

export const EnrichmentAttemptEntity = new EntitySchema<EnrichmentAttemptRow>({
  name: 'EnrichmentAttempt',
  tableName: 'enrichment_attempts',
  columns: {
    id: id(), entity_type: str(), entity_id: int(), provider: str(), status: str(),
    attempts: { type: 'integer', default: 0 }, last_error: text(true), last_attempt_at: epoch(true),
    next_retry_at: epoch(true), created_at: epoch(), updated_at: epoch(),
  },
  indices: [
    { name: 'uq_enrichment_entity_provider', columns: ['entity_type', 'entity_id', 'provider'], unique: true },
    { name: 'idx_enrichment_due', columns: ['status', 'next_retry_at'] },
  ],
});
