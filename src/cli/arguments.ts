import { UserError } from '../core/errors.js';

/**
 * Reading what people type on the command line: one rule and one wording for every command,
 * a UserError (exit 2) naming the argument otherwise.
 */
export function wholeNumber(text: string, name: string, range: { min?: number; max?: number } = {}): number {
  const min = range.min ?? 1;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    const bounds = range.max === undefined ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new UserError(`${name} must be a whole number ${bounds} (got "${text}")`);
  }
  return value;
}

/** One of a few words, case-insensitive. */
export function oneOf<T extends string>(text: string, allowed: readonly T[], name: string): T {
  const value = text.toLowerCase() as T;
  if (!allowed.includes(value)) throw new UserError(`${name} must be one of ${allowed.join(', ')} (got "${text}")`);
  return value;
}
