import { seededRandom } from '../random.js';
import { HABIT_WINDOW_SECONDS, type PlaylistCandidates } from './ports.js';

/**
 * The pieces every algorithm shares: a track list that refuses duplicates and stops at
 * --max, and a ranking whose ties stay in the database's natural order unless a seed
 * asks for a different, reproducible order.
 */
export class TrackList {
  private readonly chosen: number[] = [];
  private readonly seen = new Set<number>();
  readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  /** Adds the track unless it is already there or the list is full; true when added. */
  add(trackId: number): boolean {
    if (this.full || this.seen.has(trackId)) return false;
    this.seen.add(trackId);
    this.chosen.push(trackId);
    return true;
  }

  has(trackId: number): boolean {
    return this.seen.has(trackId);
  }

  get full(): boolean {
    return this.chosen.length >= this.max;
  }

  get size(): number {
    return this.chosen.length;
  }

  ids(): number[] {
    return [...this.chosen];
  }
}

/** The start of the habit window, or undefined when nothing was ever played. */
export async function habitWindowStart(candidates: PlaylistCandidates): Promise<number | undefined> {
  const span = await candidates.listeningSpan();
  return span ? span.last - HABIT_WINDOW_SECONDS : undefined;
}


/**
 * Highest score first. Without a seed, equal scores keep the order they came in (the
 * repository's documented tie order), so a playlist is the same every time; with a seed
 * they are shuffled by a PRNG drawn in input order, so the same seed gives the same list.
 */
export function rankWithTies<T>(items: readonly T[], score: (item: T) => number, seed: number | undefined): T[] {
  const random = seed === undefined ? undefined : seededRandom(seed);
  const keyed = items.map((item, index) => ({ item, score: score(item), tie: random ? random() : index }));
  keyed.sort((a, b) => b.score - a.score || a.tie - b.tie);
  return keyed.map((entry) => entry.item);
}
