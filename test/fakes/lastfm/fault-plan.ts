// Deterministic fault scheduling shared by the fake servers (the AI fake imports it too).
// A plan serves explicitly queued faults first, then random ones drawn from a seeded PRNG,
// so a failing test replays exactly the same sequence of failures.
import { seededRandom } from '../../../src/core/random.js';


/** FNV-1a 32-bit hash: used to derive stable seeds, ids and image hashes from text. */
export function hashText(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface FaultSettings<F> {
  /** Served one per matching request, in order, before any random fault. */
  readonly queue?: readonly F[];
  /** Chance (0..1) that a matching request gets a random fault once the queue is empty. */
  readonly probability?: number;
  /** Faults drawn uniformly when `probability` hits. */
  readonly kinds?: readonly F[];
  /** Seed of the PRNG used for `probability` and `kinds` (default 1). */
  readonly seed?: number;
  /** Only requests in these scopes (Last.fm method names, AI endpoints) get faults. */
  readonly only?: readonly string[];
}

export interface InjectedFault<F> {
  readonly scope: string;
  readonly fault: F;
}

export class FaultPlan<F> {
  #queue: F[] = [];
  #probability = 0;
  #kinds: readonly F[] = [];
  #random: () => number = seededRandom(1);
  #only: ReadonlySet<string> | null = null;
  #injected: InjectedFault<F>[] = [];

  constructor(settings?: FaultSettings<F>) {
    if (settings) this.set(settings);
  }

  /** Replaces the whole plan (queue, probability, kinds, seed, scope filter). */
  set(settings: FaultSettings<F>): void {
    if (settings.probability !== undefined && !(settings.probability >= 0 && settings.probability <= 1)) {
      throw new RangeError(`fault probability must be within 0..1, got ${settings.probability}`);
    }
    this.#queue = [...(settings.queue ?? [])];
    this.#probability = settings.probability ?? 0;
    this.#kinds = [...(settings.kinds ?? [])];
    if (this.#probability > 0 && this.#kinds.length === 0) {
      throw new RangeError('fault probability set without any fault kinds');
    }
    this.#random = seededRandom(settings.seed ?? 1);
    this.#only = settings.only ? new Set(settings.only) : null;
  }

  /** Appends faults to the queue (keeps the random part of the plan). */
  queue(...faults: F[]): void {
    this.#queue.push(...faults);
  }

  /** No more faults; the record of injected faults is kept. */
  clear(): void {
    this.set({});
  }

  /** Faults still queued. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Every fault served so far, in order. */
  get injected(): readonly InjectedFault<F>[] {
    return this.#injected;
  }

  resetInjected(): void {
    this.#injected = [];
  }

  /** Called by the server once per request: the fault to serve, if any. */
  draw(scope: string): F | undefined {
    if (this.#only && !this.#only.has(scope)) return undefined;
    let fault = this.#queue.shift();
    if (fault === undefined && this.#probability > 0 && this.#random() < this.#probability) {
      fault = this.#kinds[Math.floor(this.#random() * this.#kinds.length)];
    }
    if (fault !== undefined) this.#injected.push({ scope, fault });
    return fault;
  }
}

export { seededRandom };
