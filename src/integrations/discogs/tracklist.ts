import { albumArtistName } from '../../core/collection/support.js';
import { stripDiscogsSuffix } from '../../core/names.js';
import { sideOf, subTrackBase } from '../../core/spins/positions.js';
import type { TracklistTrack } from '../../core/spins/model.js';

/** The parts of a release's `tracklist[]` AIME reads (GET /releases/{id}). */
export interface DiscogsTracklistEntry {
  position?: string;
  type_?: string;
  title?: string;
  duration?: string;
  artists?: { name?: string; join?: string; id?: number }[];
  sub_tracks?: DiscogsTracklistEntry[];
}

interface Track {
  position: string;
  title: string;
  artist: string | null;
  durationSeconds: number | null;
}

/**
 * A release's tracklist → the tracks a record plays, in order:
 * - headings ("Side One", a disc title) are not tracks;
 * - an index track (a work with movements) stands for its sub-tracks when they have places of
 *   their own on the record ("B1", "B2"), and is one track when they are only parts of one
 *   ("B2a", "B2b", "B2.1") or have no position: its title, and its duration or theirs summed;
 * - a track with sub-tracks (a medley) is one track;
 * - consecutive sub-track positions of one base ("A1a", "A1b") with no index above them are
 *   one track, their titles joined;
 * - a track names its own artist when the release credits one per track (compilations).
 */
export function toTracklist(entries: readonly DiscogsTracklistEntry[] | undefined): TracklistTrack[] {
  const tracks: Track[] = [];
  let parts: Track[] = [];
  const flushParts = () => {
    if (parts.length) tracks.push(joined(parts));
    parts = [];
  };
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const type = entry.type_ ?? 'track';
    if (type === 'heading') continue;
    if (type === 'index') {
      flushParts();
      tracks.push(...indexTracks(entry));
      continue;
    }
    if (type !== 'track') continue;
    const track = medley(entry);
    if (!track.title) continue;
    const base = subTrackBase(track.position);
    if (base === undefined || (parts.length && subTrackBase(parts[0]!.position) !== base)) flushParts();
    if (base !== undefined) parts.push(track);
    else tracks.push(track);
  }
  flushParts();
  return tracks.map((track, index) => ({ number: index + 1, side: sideOf(track.position), ...track }));
}

function indexTracks(index: DiscogsTracklistEntry): Track[] {
  const whole = toTrack(index, null);
  const subs = (index.sub_tracks ?? []).map((sub) => toTrack(sub, whole.artist)).filter((sub) => sub.title !== '');
  const placed = subs.filter((sub) => sub.position !== '');
  const bases = new Set(placed.map((sub) => subTrackBase(sub.position)));
  const partsOfOne = placed.length === 0 || (bases.size === 1 && !bases.has(undefined));
  if (!partsOfOne) return placed;
  const position = whole.position || (placed.length ? subTrackBase(placed[0]!.position) ?? '' : '');
  return whole.title ? [{ ...whole, position, durationSeconds: whole.durationSeconds ?? summed(subs) }] : [];
}

/** A track, its duration summed from its parts when it gives none (a medley lists what it is made of). */
function medley(entry: DiscogsTracklistEntry): Track {
  const track = toTrack(entry, null);
  if (track.durationSeconds !== null || !entry.sub_tracks?.length) return track;
  return { ...track, durationSeconds: summed(entry.sub_tracks.map((sub) => toTrack(sub, null))) };
}

function joined(parts: readonly Track[]): Track {
  const first = parts[0]!;
  return { ...first, position: subTrackBase(first.position) ?? first.position, title: parts.map((part) => part.title).join(' / '), durationSeconds: summed(parts) };
}

function toTrack(entry: DiscogsTracklistEntry, inheritedArtist: string | null): Track {
  const credited = (entry.artists ?? [])
    .filter((artist) => (artist.name ?? '').trim() !== '')
    .map((artist) => ({ name: stripDiscogsSuffix(artist.name ?? ''), discogsId: artist.id ?? null, join: (artist.join ?? '').trim() }));
  return {
    position: (entry.position ?? '').trim(),
    title: (entry.title ?? '').trim(),
    artist: credited.length ? albumArtistName(credited) : inheritedArtist,
    durationSeconds: durationSeconds(entry.duration),
  };
}

/** The sum of the parts' durations; null when one of them is unknown. */
function summed(parts: readonly Track[]): number | null {
  if (parts.length === 0 || parts.some((part) => part.durationSeconds === null)) return null;
  return parts.reduce((sum, part) => sum + (part.durationSeconds ?? 0), 0);
}

/** "4:35" → 275, "1:02:03" → 3723; "" and anything else (or 0) → null. */
export function durationSeconds(text: string | undefined): number | null {
  const match = /^(?:(\d+):)?(\d{1,3}):(\d{2})$/.exec((text ?? '').trim());
  if (!match) return null;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
  return seconds > 0 && Number(match[3]) < 60 ? seconds : null;
}
