import { describe, expect, it } from 'vitest';
import { FREE_PARTIAL_BYTES, PartialLineBudget, type BudgetHolder } from '../../src/daemon/partial-line-budget.js';

const KiB = 1024;

/** A connection as the budget sees it: it only records being let go again. */
function holder(): BudgetHolder & { allowed: number } {
  return {
    allowed: 0,
    budgetAllowsReading() {
      this.allowed++;
    },
  };
}

describe('the budget for half-sent lines', () => {
  it('lets everyone read below the limit, and small lines always', () => {
    const budget = new PartialLineBudget(100 * KiB);
    const a = holder();
    const b = holder();
    expect(budget.hold(a, 60 * KiB)).toBe(true);
    expect(budget.hold(b, 30 * KiB)).toBe(true);
    expect(budget.heldBytes).toBe(90 * KiB);
    expect(budget.hold(holder(), FREE_PARTIAL_BYTES)).toBe(true);
  });

  it('beyond the limit stops all but one holder, which may finish its line', () => {
    const budget = new PartialLineBudget(100 * KiB);
    const a = holder();
    const b = holder();
    const c = holder();
    expect(budget.hold(a, 60 * KiB)).toBe(true);
    expect(budget.hold(b, 60 * KiB)).toBe(true); // the first past the limit goes on to finish
    expect(budget.hold(c, 30 * KiB)).toBe(false);
    expect(budget.hold(b, 200 * KiB)).toBe(true);
    expect(budget.hold(a, 70 * KiB)).toBe(false);
  });

  it('when the finisher ends its line, the largest waiter finishes next, even with no room', () => {
    const budget = new PartialLineBudget(100 * KiB);
    const a = holder();
    const b = holder();
    const c = holder();
    budget.hold(a, 60 * KiB);
    budget.hold(b, 60 * KiB);
    expect(budget.hold(c, 50 * KiB)).toBe(false);
    expect(budget.hold(a, 70 * KiB)).toBe(false);
    budget.hold(b, 0); // b's line ended
    expect(a.allowed).toBe(1);
    expect(c.allowed).toBe(0);
    expect(budget.hold(a, 90 * KiB)).toBe(true);
  });

  it('wakes waiters smallest first as far as freed room allows', () => {
    const budget = new PartialLineBudget(1024 * KiB);
    const big = holder();
    budget.hold(big, 1000 * KiB);
    const finisher = holder();
    expect(budget.hold(finisher, 100 * KiB)).toBe(true);
    const small = holder();
    const medium = holder();
    expect(budget.hold(small, 20 * KiB)).toBe(false);
    expect(budget.hold(medium, 40 * KiB)).toBe(false);
    budget.forget(big); // its connection closed: plenty of room
    expect(small.allowed).toBe(1);
    expect(medium.allowed).toBe(1);
    expect(budget.heldBytes).toBe(160 * KiB);
  });
});
