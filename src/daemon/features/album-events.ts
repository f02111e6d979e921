import type { AlbumEvents } from '../../core/ports.js';

/** Tells every listener (enrichment, AI descriptions) about new albums; one failing never stops the others. */
export function fanOutAlbumEvents(...listeners: readonly AlbumEvents[]): AlbumEvents {
  return {
    albumsCreated(albumIds) {
      for (const listener of listeners) {
        try {
          listener.albumsCreated(albumIds);
        } catch {
          // A listener's own failure is its to report (it records it in its status).
        }
      }
    },
  };
}
