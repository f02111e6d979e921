import { UserError } from '../../core/errors.js';

/**
 * Reading JSON-RPC params without trusting them, once, before a handler runs. Each method
 * declares a schema: one reader per param name of its contract (rpc/methods/*), so renaming a
 * param there fails to compile here. A reader throws a UserError marked invalidParams
 * (JSON-RPC -32602) naming the parameter and what was expected.
 */
export type Reader<T> = (value: unknown, name: string) => T;

/** One reader for every param of `P`, optional ones included (their readers accept absence). */
export type ParamSchema<P> = { [K in keyof P]-?: Reader<P[K]> };

export function invalid(name: string, expected: string): UserError {
  return new UserError(`invalid params: ${name} must be ${expected}`, { detail: { invalidParams: true, param: name } });
}

/** The params object of a request (absent params are an empty object). */
export function asParams(raw: unknown, name = 'params'): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid(name, 'an object');
  return raw as Record<string, unknown>;
}

/** Every param of the schema read from the raw params (names the schema does not know are ignored). */
export function readParams<P>(schema: ParamSchema<P>, raw: unknown): P {
  const given = asParams(raw);
  const read: Record<string, unknown> = {};
  for (const name of Object.keys(schema) as (keyof P & string)[]) read[name] = schema[name](given[name], name);
  return read as P;
}

/** Absent (or null) is undefined; anything else must satisfy `reader`. */
export function optional<T>(reader: Reader<T>): Reader<T | undefined> {
  return (value, name) => (value === undefined || value === null ? undefined : reader(value, name));
}

/** null is kept (it clears a field); anything else goes to `reader`. */
export function nullable<T>(reader: Reader<T>): Reader<T | null> {
  return (value, name) => (value === null ? null : reader(value, name));
}

/** Any string, the empty one included. */
export function text(): Reader<string> {
  return (value, name) => {
    if (typeof value !== 'string') throw invalid(name, 'a string');
    return value;
  };
}

/** A string with something in it. */
export function filledText(): Reader<string> {
  return (value, name) => {
    if (typeof value !== 'string' || value.length === 0) throw invalid(name, 'a non-empty string');
    return value;
  };
}

export function int(range: { min?: number; max?: number } = {}): Reader<number> {
  return (value, name) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid(name, 'a whole number');
    if (range.min !== undefined && value < range.min) throw invalid(name, `at least ${range.min}`);
    if (range.max !== undefined && value > range.max) throw invalid(name, `at most ${range.max}`);
    return value;
  };
}

/** Any finite number (seconds to seek, a volume step). */
export function number(): Reader<number> {
  return (value, name) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(name, 'a number');
    return value;
  };
}

export function bool(): Reader<boolean> {
  return (value, name) => {
    if (typeof value !== 'boolean') throw invalid(name, 'true or false');
    return value;
  };
}

export function oneOf<const T extends string>(allowed: readonly T[], expected = `one of ${allowed.join(', ')}`): Reader<T> {
  return (value, name) => {
    if (typeof value !== 'string' || !allowed.includes(value as T)) throw invalid(name, expected);
    return value as T;
  };
}

/** A list whose items each satisfy `item` (a bad item is named `name[index]`). */
export function list<T>(item: Reader<T>, expected = 'a list of strings'): Reader<T[]> {
  return (value, name) => {
    if (!Array.isArray(value)) throw invalid(name, expected);
    return value.map((entry, index) => item(entry, `${name}[${index}]`));
  };
}

/** Like list(), and at least one item. */
export function filledList<T>(item: Reader<T>, expected: string): Reader<T[]> {
  const read = list(item, expected);
  return (value, name) => {
    const items = read(value, name);
    if (items.length === 0) throw invalid(name, expected);
    return items;
  };
}

/** An object whose fields each satisfy their reader (a bad field is named `name.field`); other fields are ignored. */
export function fields<T>(schema: ParamSchema<T>, expected = 'an object'): Reader<T> {
  const names = Object.keys(schema) as (keyof T & string)[];
  return (value, name) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(name, expected);
    const given = value as Record<string, unknown>;
    const read: Record<string, unknown> = {};
    for (const field of names) read[field] = schema[field](given[field], `${name}.${field}`);
    return read as T;
  };
}
