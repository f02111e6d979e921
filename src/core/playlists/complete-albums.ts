import type { AlgorithmContext } from './ports.js';
import { TrackList, rankWithTies } from './selection.js';

/** An album counts once it was played this often… */
const MIN_ALBUM_PLAYS = 5;
/** …over this many different tracks (one song on repeat is not an album habit). */
const MIN_TRACKS_PLAYED = 3;
const ALBUM_POOL = 100;

/**
 * complete_albums: the albums the user plays most (at least 5 plays over at least 3 of
 * their tracks), each as a whole album in album order — every track AIME knows of it —
 * most played album first, until --max (the last album may be cut short).
 */
export async function completeAlbums(context: AlgorithmContext): Promise<number[]> {
  const albums = await context.candidates.albumsByPlays(MIN_ALBUM_PLAYS, MIN_TRACKS_PLAYED, ALBUM_POOL);
  const list = new TrackList(context.max);
  for (const album of rankWithTies(albums, (a) => a.plays, context.seed)) {
    if (list.full) break;
    for (const trackId of await context.candidates.albumTracks(album.albumId)) list.add(trackId);
  }
  return list.ids();
}
