import { UserError } from '../core/errors.js';
import type { KeySpec } from './keys.js';

/** Reads a value typed on a command line or in an environment variable into its key's type. */
export function parseValue(spec: KeySpec, raw: string, origin: string): unknown {
  switch (spec.type) {
    case 'integer': {
      if (!/^-?\d+$/.test(raw.trim())) throw new UserError(`${origin}: ${spec.key} must be a whole number, got "${raw}"`);
      return Number.parseInt(raw, 10);
    }
    case 'boolean': {
      if (/^(true|1|yes|on)$/i.test(raw)) return true;
      if (/^(false|0|no|off)$/i.test(raw)) return false;
      throw new UserError(`${origin}: ${spec.key} must be true or false, got "${raw}"`);
    }
    case 'string[]': {
      const text = raw.trim();
      if (text.startsWith('[')) return parseJson(spec, text, origin);
      return text === '' ? [] : text.split(',').map((item) => item.trim()).filter(Boolean);
    }
    case 'object':
      return parseJson(spec, raw, origin);
    case 'string':
      // `printf %s "$UNSET" | aime config set lastfm.apiKey -` must not silently blank a secret.
      if (spec.secret && raw.trim() === '') throw new UserError(`${spec.key}: an empty secret is not stored (to remove it: aime config unset ${spec.key})`);
      return raw;
  }
}

function parseJson(spec: KeySpec, raw: string, origin: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new UserError(`${origin}: ${spec.key} must be JSON, got "${raw}"`);
  }
}

/** Checks a value against its key's rules; returns a problem in words, or undefined. */
export function checkValue(spec: KeySpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      if (spec.enum && !spec.enum.includes(value)) return `must be one of ${spec.enum.join(', ')}`;
      if (spec.pattern && !new RegExp(spec.pattern).test(value)) return `must match ${spec.pattern}`;
      return spec.check?.(value);
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be a whole number';
      if (spec.minimum !== undefined && value < spec.minimum) return `must be at least ${spec.minimum}`;
      if (spec.maximum !== undefined && value > spec.maximum) return `must be at most ${spec.maximum}`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? undefined : 'must be a list of strings';
    case 'object':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'must be a JSON object';
      return spec.check?.(value);
  }
}

/** Shows that a secret is set without showing it. */
export function maskSecret(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text.length >= 16) return `****${text.slice(-4)}`;
  return '****';
}
