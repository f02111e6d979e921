import { CONFIG_KEYS, type KeySpec } from './keys.js';

type JsonSchema = Record<string, unknown>;

function leafSchema(spec: KeySpec): JsonSchema {
  const common = { description: spec.description };
  switch (spec.type) {
    case 'string':
      return { ...common, type: 'string', ...(spec.enum ? { enum: [...spec.enum] } : {}), ...(spec.pattern ? { pattern: spec.pattern } : {}) };
    case 'integer':
      return { ...common, type: 'integer', minimum: spec.minimum, maximum: spec.maximum };
    case 'boolean':
      return { ...common, type: 'boolean' };
    case 'string[]':
      return { ...common, type: 'array', items: { type: 'string' } };
    case 'object':
      return { ...common, type: 'object' };
  }
}

/**
 * The conf schema (top-level properties), nested the way config.json is written:
 * `{"lastfm": {"apiKey": "…"}}`, `{"forward": {"listenbrainz": {"token": "…"}}}`. Unknown keys are refused so typos are caught.
 */
export function confSchema(): Record<string, JsonSchema> {
  const root: Record<string, JsonSchema> = {};
  for (const spec of CONFIG_KEYS) {
    const parts = spec.key.split('.');
    let level = root;
    for (const group of parts.slice(0, -1)) {
      const node = (level[group] ??= { type: 'object', additionalProperties: false, properties: {} });
      level = node.properties as Record<string, JsonSchema>;
    }
    level[parts[parts.length - 1] as string] = leafSchema(spec);
  }
  return root;
}
