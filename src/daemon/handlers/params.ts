import { UserError } from '../../core/errors.js';

/**
 * Reading JSON-RPC params without trusting them. Each reader throws a UserError marked
 * invalidParams (JSON-RPC -32602) naming the parameter and what was expected.
 */
export type Params = Record<string, unknown>;

export function asParams(raw: unknown): Params {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid('params', 'an object');
  return raw as Params;
}

export function invalid(name: string, expected: string): UserError {
  return new UserError(`invalid params: ${name} must be ${expected}`, { detail: { invalidParams: true, param: name } });
}

export function requiredString(params: Params, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value.length === 0) throw invalid(name, 'a non-empty string');
  return value;
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(name, 'a string');
  return value;
}

export function optionalInt(params: Params, name: string, range: { min?: number; max?: number } = {}): number | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid(name, 'a whole number');
  if (range.min !== undefined && value < range.min) throw invalid(name, `at least ${range.min}`);
  if (range.max !== undefined && value > range.max) throw invalid(name, `at most ${range.max}`);
  return value;
}

export function optionalBool(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalid(name, 'true or false');
  return value;
}

export function optionalEnum<T extends string>(params: Params, name: string, allowed: readonly T[]): T | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw invalid(name, `one of ${allowed.join(', ')}`);
  return value as T;
}

export function optionalStringList(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw invalid(name, 'a list of strings');
  return value as string[];
}
