// Numbers in human output read like toLocaleString('en-US'), written without ICU (which costs
// every `aime status` ≈20 ms to load).
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/cli/output.js';

describe('formatNumber', () => {
  it.each([0, 7, 999, 1000, 12_345, 1_234_567, 10_000_000, 12.5, 1234.5678, 0.1 + 0.2, -1234.5, 99_999.9995, 2.0005, 3.14159, 1e15])('writes %d as en-US does', (value) => {
    expect(formatNumber(value)).toBe(value.toLocaleString('en-US'));
  });
});
