import { AiTextEntity, EnrichmentAttemptEntity, ImageEntity, MetadataEntity } from './enrichment.js';
import { CollectionItemEntity, PlaylistEntity, PlaylistTrackEntity } from './collection.js';
import { AlbumArtistEntity, AlbumEntity, ArtistEntity, ListenEntity, TrackEntity } from './music.js';
import { JobRunEntity, ServiceStateEntity, SyncStateEntity } from './system.js';

export const ENTITIES = [
  ArtistEntity, AlbumEntity, AlbumArtistEntity, TrackEntity, ListenEntity, ImageEntity, MetadataEntity,
  AiTextEntity, EnrichmentAttemptEntity, CollectionItemEntity, PlaylistEntity, PlaylistTrackEntity,
  ServiceStateEntity, JobRunEntity, SyncStateEntity,
];
