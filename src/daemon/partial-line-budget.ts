/** A connection whose reading the budget may hold back. */
export interface BudgetHolder {
  /** Called when a holder the budget stopped may read again. */
  budgetAllowsReading(): void;
}

/** Bytes any connection may hold of an unfinished line whatever the budget says: every normal request fits. */
export const FREE_PARTIAL_BYTES = 16 * 1024;

/** What one more read may add (libuv reads up to 64 KiB) plus the read Node buffers ahead while paused. */
const RESUME_RESERVE_BYTES = 128 * 1024;

/**
 * One budget for the bytes of unfinished request lines across all the daemon's clients,
 * so that many half-sent lines cost the kernel's socket buffers, not the daemon's heap.
 *
 * Beyond the budget a connection holding more than FREE_PARTIAL_BYTES stops reading,
 * except one — the waiter holding the most, as it needs the least to reach the 1 MiB line
 * limit — which goes on until its line ends or is dropped as oversized. Without that
 * exception, lines that all stopped halfway would wait for each other forever. Freed
 * bytes let waiters read again, the smallest first, as far as the budget has room.
 * Reads are checked after they land, so held bytes stay below limit + one line (1 MiB) +
 * one read (64 KiB) per connection; a paused socket also keeps one read in Node's stream buffer.
 */
export class PartialLineBudget {
  readonly limitBytes: number;
  private readonly held = new Map<BudgetHolder, number>();
  private readonly waiting = new Set<BudgetHolder>();
  private total = 0;
  private finisher?: BudgetHolder;

  constructor(limitBytes: number) {
    this.limitBytes = limitBytes;
  }

  /** Bytes of unfinished lines held across all connections. */
  get heldBytes(): number {
    return this.total;
  }

  /** Records what `holder` now holds; false means: read no more until budgetAllowsReading(). */
  hold(holder: BudgetHolder, bytes: number): boolean {
    const before = this.held.get(holder) ?? 0;
    this.held.set(holder, bytes);
    this.total += bytes - before;
    if (bytes < before) this.release();
    if (bytes <= FREE_PARTIAL_BYTES || this.total <= this.limitBytes || this.finisher === holder) {
      this.waiting.delete(holder);
      return true;
    }
    this.waiting.add(holder);
    if (this.finisher === undefined) this.chooseFinisher();
    return this.finisher === holder;
  }

  /** The holder is gone (its connection closed). */
  forget(holder: BudgetHolder): void {
    this.total -= this.held.get(holder) ?? 0;
    this.held.delete(holder);
    this.waiting.delete(holder);
    if (this.finisher === holder) this.finisher = undefined;
    this.release();
  }

  private release(): void {
    if (this.finisher !== undefined && (this.held.get(this.finisher) ?? 0) <= FREE_PARTIAL_BYTES) this.finisher = undefined;
    if (this.waiting.size === 0) return;
    const bySize = [...this.waiting].sort((a, b) => this.bytesOf(a) - this.bytesOf(b));
    let room = this.limitBytes - this.total;
    let woken = 0;
    for (const holder of bySize) {
      if (room < RESUME_RESERVE_BYTES) break;
      room -= RESUME_RESERVE_BYTES;
      woken++;
      this.waiting.delete(holder);
      holder.budgetAllowsReading();
    }
    if (woken === 0 && this.finisher === undefined) this.chooseFinisher();
  }

  /** The waiter holding the most may go past the budget (it needs the least to end its line or overflow). */
  private chooseFinisher(): void {
    let largest: BudgetHolder | undefined;
    for (const holder of this.waiting) if (largest === undefined || this.bytesOf(holder) > this.bytesOf(largest)) largest = holder;
    if (largest === undefined) return;
    this.finisher = largest;
    this.waiting.delete(largest);
    largest.budgetAllowsReading();
  }

  private bytesOf(holder: BudgetHolder): number {
    return this.held.get(holder) ?? 0;
  }
}
