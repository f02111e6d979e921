import type { AlbumEvents } from '../../core/ports.js';
import { SqliteDescriptionAttempts } from '../../db/repositories/ai-texts.js';
import { aiSettings, buildAi, type AiParts } from '../../wiring/ai.js';
import { aiHandlers } from '../handlers/ai.js';
import { AlbumDescriber } from '../services/album-describer.js';
import type { Feature, FeatureContext } from './feature.js';

/**
 * AI texts: the `ai.*` handlers and the background describer of new albums (essential). One
 * AI client, so one circuit breaker, serves both and the playlists.
 */
export function aiFeature(ctx: FeatureContext): Feature & { albumEvents: AlbumEvents; parts: AiParts } {
  const ai = buildAi({ values: ctx.values, db: ctx.db, http: ctx.http, clock: ctx.clock });
  const log = ctx.log.child({ component: 'ai' });
  const describer = new AlbumDescriber({
    ai: ai.deps,
    clock: ctx.clock,
    attempts: new SqliteDescriptionAttempts(ctx.db),
    missingConfiguration: ai.problem,
    aiWaitMs: () => ai.client.waitMs(),
    paceMs: 2000,
    idleMs: 10 * 60_000,
    onError: (albumId, error) => log.warn({ albumId, err: error }, 'AI description failed'),
  });
  const settings = () => ({ ...aiSettings(ctx.values()), language: ctx.values().ai.language });
  return { essentials: [describer], handlers: aiHandlers({ ai, describer, settings }), albumEvents: describer, parts: ai };
}
