import type { EntitySchemaColumnOptions } from 'typeorm/entity-schema/EntitySchemaColumnOptions.js';

/** Column shorthands: every entity uses the same few SQLite-portable types. */
export const id = (): EntitySchemaColumnOptions => ({ type: 'integer', primary: true, generated: 'increment' });
export const int = (nullable = false): EntitySchemaColumnOptions => ({ type: 'integer', nullable });
export const str = (nullable = false): EntitySchemaColumnOptions => ({ type: 'varchar', nullable });
export const text = (nullable = false): EntitySchemaColumnOptions => ({ type: 'text', nullable });
export const bool = (): EntitySchemaColumnOptions => ({ type: 'boolean', default: false });
/** JSON kept as text so the same column works on SQLite and PostgreSQL. */
export const json = (fallback: string): EntitySchemaColumnOptions => ({ type: 'text', default: fallback });
/** UTC epoch seconds. */
export const epoch = (nullable = false): EntitySchemaColumnOptions => ({ type: 'integer', nullable });
