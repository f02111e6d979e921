import { artistSimilarity, titleSimilarity } from '../enrichment/match.js';
import { nameKey } from '../names.js';
import type { AlbumTracklist, DurationFill, RecordingCandidate, TrackToTime } from './ports.js';

/** Below this a title or an artist is another one (as album matching decides). */
const SAME = 0.85;
/** "Title (Remastered 2011)" and "Title" are the same recording's length give or take; exact titles win. */
const EDITION = 0.9;

/**
 * Durations from an album's tracklist for its tracks still without one, matched by title
 * key (case, accents, punctuation ignored). A title that only matches once edition words
 * are stripped ("Song - Remastered 2011" ↔ "Song") takes the length listed when every such
 * entry lists the same one; a title listed twice with two lengths gives none (which one was
 * heard is unknown).
 */
export function durationsFromTracklist(tracks: readonly TrackToTime[], tracklist: AlbumTracklist): DurationFill[] {
  const listed = tracklist.tracks.filter((entry) => (entry.durationSeconds ?? 0) > 0);
  const exact = lengthsByKey(listed, (title) => nameKey(title));
  const fills: DurationFill[] = [];
  const unmatched: TrackToTime[] = [];
  for (const track of tracks) {
    const seconds = exact.get(nameKey(track.title));
    if (seconds) fills.push({ trackId: track.id, seconds });
    else unmatched.push(track);
  }
  for (const track of unmatched) {
    const lengths = new Set(listed.filter((entry) => titleSimilarity(track.title, entry.title) >= EDITION).map((entry) => entry.durationSeconds as number));
    const [seconds] = lengths;
    if (lengths.size === 1 && seconds) fills.push({ trackId: track.id, seconds });
  }
  return fills;
}

/** Title key → the one length listed under it (0 when the title is listed with two lengths). */
function lengthsByKey(entries: AlbumTracklist['tracks'], key: (title: string) => string): Map<string, number> {
  const lengths = new Map<string, number>();
  for (const entry of entries) {
    const title = key(entry.title);
    const seconds = entry.durationSeconds as number;
    const known = lengths.get(title);
    lengths.set(title, known === undefined || known === seconds ? seconds : 0);
  }
  return lengths;
}

/**
 * The recording that is this track, among MusicBrainz search hits: same title (editions
 * allowed), same artist, a known length. A hit on a release titled like the track's album
 * wins; otherwise the best-ranked one. Undefined when none is close enough.
 */
export function pickRecording(track: TrackToTime, candidates: readonly RecordingCandidate[]): RecordingCandidate | undefined {
  const albumKey = track.album ? nameKey(track.album) : null;
  let best: { candidate: RecordingCandidate; score: number } | undefined;
  for (const candidate of candidates) {
    if (!candidate.lengthSeconds || candidate.lengthSeconds <= 0) continue;
    const title = titleSimilarity(track.title, candidate.title);
    const artist = artistSimilarity(track.artist, candidate.artists);
    if (title < EDITION || artist < SAME) continue;
    const onAlbum = albumKey !== null && candidate.releases.some((release) => nameKey(release) === albumKey) ? 0.5 : 0;
    const score = title + artist + onAlbum;
    if (!best || score > best.score) best = { candidate, score };
  }
  return best?.candidate;
}
