/**
 * The ListenBrainz server reads numbers, names and MBIDs the way Python's `int()`,
 * `str.strip()` and `uuid.UUID()` do, and clients rely on that leniency (a `listened_at`
 * sent as a string of digits, a `duration_ms` with a fraction). These helpers accept exactly
 * what those accept, so AIME gives the same verdicts.
 */

/** Python's `int(value)`, or undefined where it raises. Booleans are 1 and 0, fractions drop toward zero. */
export function lenientInteger(value: unknown): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = pythonStrip(value);
  if (!/^[+-]?\d+(?:_\d+)*$/.test(text)) return undefined;
  return Number(text.replace(/_/g, ''));
}

/** Python's whitespace (str.isspace): unlike JavaScript's trim, it keeps U+FEFF and removes U+001C–U+001F and U+0085. */
const PYTHON_WHITESPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const EDGE_WHITESPACE = new RegExp(`^${PYTHON_WHITESPACE}+|${PYTHON_WHITESPACE}+$`, 'g');

export function pythonStrip(text: string): string {
  return text.replace(EDGE_WHITESPACE, '');
}

/** What `uuid.UUID(text)` accepts: 32 hex digits, hyphens anywhere, optional braces and `urn:uuid:` prefix. */
export function isUuid(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const hex = value.replaceAll('urn:', '').replaceAll('uuid:', '').replace(/^[{}]+|[{}]+$/g, '').replace(/-/g, '');
  return /^[0-9a-fA-F]{32}$/.test(hex);
}

/** Python truthiness of a JSON value: null, false, 0, "" and [] and {} are false. */
export function isFalsy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}
