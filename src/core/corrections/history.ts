import { NotFoundError, UserError } from '../errors.js';
import { PlayKeyer } from '../listens/keyed-play.js';
import type { AlbumEvents } from '../ports.js';
import { nameKey } from '../names.js';
import { parseMoment } from '../time/days.js';
import { listenTimes } from '../time/shown.js';
import type { CorrectableListen, ListenCorrections } from './ports.js';

/** A listen as `history rm|edit` print it (the journal's fields). */
export interface CorrectedListen {
  readonly id: number;
  readonly timestamp: number;
  /** ISO 8601, UTC. */
  readonly date: string;
  /** "YYYY-MM-DD HH:MM" in the configured time zone. */
  readonly localTime: string;
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  readonly source: CorrectableListen['source'];
}

export interface ListenChange {
  readonly artist?: string;
  readonly title?: string;
  /** An empty string takes the listen off its album. */
  readonly album?: string;
  /** "YYYY-MM-DD HH:MM" on the configured zone's clock, an ISO date-time or epoch seconds. */
  readonly time?: string;
}

/** Plays may not be moved further into the future than this (clocks differ a little). */
const FUTURE_SLACK_SECONDS = 300;

/**
 * `aime history rm <id…>`: all or nothing. Each play deleted stays deleted: a re-import (Last.fm,
 * a file) or the tracker reading it again skips it, and so does another source's copy of it
 * within the cross-source window (it would have been the same listen).
 */
export function removeListens(corrections: ListenCorrections, ids: readonly number[], timeZone: string): { removed: CorrectedListen[]; count: number } {
  const result = corrections.remove([...new Set(ids)]);
  if ('unknown' in result) {
    const named = result.unknown.join(', ');
    throw new NotFoundError(`no listen with id ${named} (see aime history); nothing was deleted`, { detail: { unknownIds: result.unknown } });
  }
  const removed = result.removed.map((listen) => shown(listen, timeZone));
  return { removed, count: removed.length };
}

/**
 * `aime history edit <id>`: the listen moves to the corrected artist, title, album or time;
 * the play it came from, sent again by any source, is its duplicate (not a second listen, and
 * not the old spelling back). The album stays filed under its album artist unless that was
 * the listen's own artist (then it follows the new artist).
 */
export function editListen(
  deps: { corrections: ListenCorrections; albumEvents: AlbumEvents },
  id: number,
  change: ListenChange,
  zone: { timeZone: string; now: number },
): { id: number; before: CorrectedListen; after: CorrectedListen } {
  if (change.artist === undefined && change.title === undefined && change.album === undefined && change.time === undefined) {
    throw new UserError('say what to change: --artist, --title, --album or --time');
  }
  const current = deps.corrections.listen(id);
  if (!current) throw new NotFoundError(`no listen with id ${id} (see aime history)`);
  const timestamp = change.time === undefined ? current.timestamp : playTime(change.time, zone);
  const artist = change.artist ?? current.artist;
  const album = change.album === undefined ? current.album : change.album.trim() || null;
  const ownAlbum = current.albumArtist === null || nameKey(current.albumArtist) === nameKey(current.artist);
  const play = new PlayKeyer().keyed({
    artist,
    title: change.title ?? current.title,
    album,
    albumArtist: ownAlbum ? artist : current.albumArtist,
    timestamp,
    source: current.source,
  });
  if (!play) throw new UserError('a listen needs an artist and a title with letters or digits');
  const edited = deps.corrections.edit(id, play);
  if (!edited) throw new NotFoundError(`no listen with id ${id} (see aime history)`);
  if (edited.newAlbumIds.length) deps.albumEvents.albumsCreated(edited.newAlbumIds);
  return { id, before: shown(current, zone.timeZone), after: shown(edited.listen, zone.timeZone) };
}

function playTime(text: string, zone: { timeZone: string; now: number }): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) throw new UserError(`--time needs a time of day too ("${text.trim()} 21:30"), not a day alone`);
  const timestamp = parseMoment(text, zone.timeZone, 'start');
  if (timestamp <= 0) throw new UserError(`--time "${text}" is before 1970`);
  if (timestamp > zone.now + FUTURE_SLACK_SECONDS) throw new UserError(`--time "${text}" is in the future`);
  return timestamp;
}

function shown(listen: CorrectableListen, timeZone: string): CorrectedListen {
  return {
    id: listen.id,
    timestamp: listen.timestamp,
    ...listenTimes(listen.timestamp, timeZone),
    artist: listen.artist,
    title: listen.title,
    album: listen.album,
    source: listen.source,
  };
}
