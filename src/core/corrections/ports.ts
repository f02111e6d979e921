import type { KeyedPlay } from '../listens/ports.js';
import type { ListenSource } from '../model.js';

/** A stored listen as a correction sees it: what it shows, and the album artist it is filed under. */
export interface CorrectableListen {
  readonly id: number;
  readonly timestamp: number;
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  readonly albumArtist: string | null;
  readonly source: ListenSource;
}

/**
 * Deleting and editing listens so that the plays they came from stay deleted or edited when
 * a source sends them again (db/repositories/listen-corrections.ts implements it; ingest's
 * ListenStore consults what it records).
 */
export interface ListenCorrections {
  listen(id: number): CorrectableListen | undefined;
  /**
   * Deletes every listen of `ids` and records a tombstone for each identity it arrived with,
   * all or nothing: when any id is unknown nothing changes and the unknown ids come back.
   */
  remove(ids: readonly number[]): { removed: CorrectableListen[] } | { unknown: number[] };
  /**
   * Points the listen at the track and time of `play` (artist, album, track found or created),
   * remembering the identities it arrived with so that they are its duplicates from now on.
   * undefined when the listen does not exist; a UserError when another listen already holds
   * that track at that time.
   */
  edit(id: number, play: KeyedPlay): { listen: CorrectableListen; newAlbumIds: number[] } | undefined;
}
