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
 * `{"lastfm": {"apiKey": "…"}}`. Unknown keys are refused so typos are caught.
 */
export function confSchema(): Record<string, JsonSchema> {
  const root: Record<string, JsonSchema> = {};
  for (const spec of CONFIG_KEYS) {
    const parts = spec.key.split('.');
    if (parts.length === 1) {
      root[spec.key] = leafSchema(spec);
      continue;
    }
    const [group, name] = parts as [string, string];
    const node = (root[group] ??= { type: 'object', additionalProperties: false, properties: {} });
    (node.properties as Record<string, JsonSchema>)[name] = leafSchema(spec);
  }
  return root;
}
