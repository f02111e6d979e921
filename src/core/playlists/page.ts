import { pageOffset, type Page, type PageRequest } from '../paging.js';
import type { PlaylistStore, PlaylistSummary } from './ports.js';

/** Saved playlists, newest first, one page at a time (`aime playlist list --page`). */
export async function playlistPage(store: PlaylistStore, request: PageRequest): Promise<Page<PlaylistSummary>> {
  const [items, total] = await Promise.all([store.list({ offset: pageOffset(request), limit: request.pageSize }), store.count()]);
  return { items, total, page: request.page, pageSize: request.pageSize };
}
