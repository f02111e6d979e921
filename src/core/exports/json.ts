import type { CollectionFilter, ExportAlbum } from './model.js';
import { groupByArtist } from './markdown.js';

/** Version of the JSON layout documented in README ("Export formats"); bumped on a breaking change. */
export const COLLECTION_JSON_SCHEMA = 'aime.collection/1';

export interface JsonOptions {
  readonly filter: CollectionFilter;
  readonly exportedAt: number;
  readonly timezone: string;
}

/** The collection as JSON, albums in the same order as the Markdown export. */
export function renderCollectionJson(albums: readonly ExportAlbum[], options: JsonOptions): string {
  const ordered = groupByArtist(albums).flatMap((group) => group.albums);
  const document = {
    schema: COLLECTION_JSON_SCHEMA,
    exportedAt: new Date(options.exportedAt).toISOString(),
    timezone: options.timezone,
    filter: { support: options.filter.support ?? null, artist: options.filter.artist ?? null },
    totalAlbums: ordered.length,
    albums: ordered.map((album) => ({
      id: album.id,
      title: album.title,
      artist: album.artist,
      artists: album.artists,
      year: album.year,
      supports: album.supports,
      source: album.source,
      discogsId: album.discogsId,
      discogsUrl: album.discogsUrl,
      spotifyUrl: album.spotifyUrl,
      appleMusicUrl: album.appleMusicUrl,
      genres: album.genres,
      styles: album.styles,
      labels: album.labels,
      soundtrack: album.soundtrack,
      film: album.film,
      summary: album.summary,
      description: album.description,
      coverUrl: album.coverUrl,
      images: album.images,
      copies: album.copies.map((copy) => ({
        ...copy,
        dateAdded: copy.dateAdded === null ? null : new Date(copy.dateAdded * 1000).toISOString(),
      })),
      createdAt: new Date(album.createdAt * 1000).toISOString(),
    })),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
