import { SUPPORTS } from '../collection/model.js';
import { UserError } from '../errors.js';
import { renderCollectionJson } from './json.js';
import { renderCollectionMarkdown } from './markdown.js';
import type { CollectionFilter, ExportCatalog } from './model.js';

export type CollectionFormat = 'markdown' | 'json';
export const COLLECTION_FORMATS: readonly CollectionFormat[] = ['markdown', 'json'];

export interface CollectionExportRequest {
  readonly format: CollectionFormat;
  readonly filter: CollectionFilter;
  /** UTC epoch ms shown as the export date. */
  readonly exportedAt: number;
  readonly timezone: string;
}

export interface CollectionExport {
  readonly content: string;
  readonly albums: number;
}

/**
 * The one way a collection export is made, by the daemon's jobs and by `aime export`
 * (which reads the database itself, read-only, so it works with the daemon down).
 */
export async function exportCollection(catalog: ExportCatalog, request: CollectionExportRequest): Promise<CollectionExport> {
  const { support, artist } = request.filter;
  if (support !== undefined && !(SUPPORTS as readonly string[]).includes(support)) {
    throw new UserError(`unknown support "${support}" (supports: ${SUPPORTS.join(', ')})`);
  }
  if (artist !== undefined && artist.trim() === '') throw new UserError('--artist needs a name');
  const albums = await catalog.collectionAlbums(request.filter);
  const options = { filter: request.filter, exportedAt: request.exportedAt, timezone: request.timezone };
  const content = request.format === 'json' ? renderCollectionJson(albums, options) : renderCollectionMarkdown(albums, options);
  return { content, albums: albums.length };
}
