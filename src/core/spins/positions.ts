/**
 * What a track position says, in the forms Discogs uses: "A1", "B12" (vinyl and cassette
 * sides), "A" (a side holding one track), "3" (CD), "2-05" (disc 2, track 5), and sub-track
 * positions "A1a", "A1.2", "3b" (parts of one physical track).
 */

const SIDE = /^([A-Z]{1,2})\d*$/;
const DISC = /^(\d+)-\d+$/;
/** A position whose end numbers a part of a track: "A1a", "A1.2", "3b", "2-05.1". */
const SUB_TRACK = /^(.*\d)(?:\.\w+|[a-z])$/;

/** The side ("A", "B", "AA") or disc ("2") a position names; null for plain numbers and unknown forms. */
export function sideOf(position: string): string | null {
  const text = position.trim();
  const base = subTrackBase(text) ?? text;
  return SIDE.exec(base)?.[1] ?? DISC.exec(base)?.[1] ?? null;
}

/** "A1a" → "A1", "3.2" → "3": the physical track a sub-track position belongs to; undefined when it is no sub-track. */
export function subTrackBase(position: string): string | undefined {
  return SUB_TRACK.exec(position.trim())?.[1];
}

/** How a person names a side: letters in upper case, a disc number as given. */
export function sideName(typed: string): string {
  return typed.trim().toUpperCase();
}
