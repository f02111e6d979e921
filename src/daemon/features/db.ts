import { dbHandlers } from '../handlers/db.js';
import type { Feature, FeatureContext } from './feature.js';

/** `db.*`: schema state, migrations on demand, online backups. */
export function dbFeature(ctx: FeatureContext): Feature {
  return { handlers: dbHandlers(ctx.db) };
}
