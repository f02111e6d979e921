import { YearNarrator } from '../../core/wrapped/paragraph.js';
import { SqliteAnalytics } from '../../db/repositories/analytics.js';
import { SqliteWrappedParagraphs } from '../../db/repositories/wrapped-paragraphs.js';
import { SqliteWrapped } from '../../db/repositories/wrapped.js';
import { CoverDownloader } from '../../integrations/covers/downloader.js';
import { errorMessage } from '../../core/errors.js';
import type { AiParts } from '../../wiring/ai.js';
import { wrappedHandlers } from '../handlers/wrapped.js';
import { WrappedParagraphs } from '../services/wrapped-paragraphs.js';
import type { Feature, FeatureContext } from './feature.js';

/**
 * `wrapped.*`: the year in review. Its figures come from the same analytics repository as
 * `stats.*`; its paragraph from the daemon's one AI client (so one circuit breaker); its
 * covers through the one HTTP client. One narrator for the process: two runs asking for the
 * same paragraph share one AI request, and the essential `wrapped-paragraphs` abandons the
 * ones still being written when the daemon stops.
 */
export function wrappedFeature(ctx: FeatureContext, needs: { ai: AiParts }): Feature {
  const log = ctx.log.child({ component: 'wrapped' });
  const narrator = new YearNarrator({
    writer: needs.ai.client,
    store: new SqliteWrappedParagraphs(ctx.db),
    clock: ctx.clock,
    problem: needs.ai.problem,
    onFailure: (error) => log.warn({ err: error }, 'the AI paragraph of a year in review failed'),
  });
  return {
    // Paragraphs still being written are abandoned when the daemon stops.
    essentials: [new WrappedParagraphs(narrator)],
    handlers: wrappedHandlers({
      analytics: new SqliteAnalytics(ctx.db),
      wrapped: new SqliteWrapped(ctx.db),
      narrator,
      covers: new CoverDownloader(ctx.http),
      clock: ctx.clock,
      settings: () => {
        const values = ctx.values();
        return { timeZone: values.timezone, language: values.ai.language, aiWaitSeconds: values.wrapped.aiWaitSeconds, aiTimeoutSeconds: values.ai.timeoutSeconds };
      },
      onCoverFailure: (albumId, error) => log.debug({ albumId, error: errorMessage(error) }, 'cover left out of a year-in-review page'),
    }),
  };
}
