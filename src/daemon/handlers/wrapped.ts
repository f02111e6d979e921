import type { AiLanguage } from '../../core/ai/ports.js';
import type { AnalyticsRepository } from '../../core/analytics/ports.js';
import type { Clock } from '../../core/ports.js';
import type { NarratedReview, YearInReview } from '../../core/wrapped/model.js';
import type { NarrationRequest } from '../../core/wrapped/paragraph.js';
import { wrappedPeriod } from '../../core/wrapped/period.js';
import type { WrappedRepository } from '../../core/wrapped/ports.js';
import { yearInReview } from '../../core/wrapped/report.js';
import { bool, int, optional, text } from './params.js';
import { handlerTable } from './typed.js';

/** The AI paragraph's writer (core's YearNarrator). */
export interface YearNarration {
  narrate(report: YearInReview, request: NarrationRequest): Promise<NarratedReview>;
}

/** Fetches a stored cover's bytes (integrations/covers). */
export interface CoverFetcher {
  download(url: string, signal?: AbortSignal): Promise<{ bytes: Uint8Array; mime: string }>;
}

export interface WrappedSettings {
  readonly timeZone: string;
  readonly language: AiLanguage;
  /** How long a request waits for the paragraph (wrapped.aiWaitSeconds). */
  readonly aiWaitSeconds: number;
  /** How long the AI may go on writing in all (ai.timeoutSeconds, at least the wait). */
  readonly aiTimeoutSeconds: number;
}

export interface WrappedHandlerDeps {
  /** The repository `aime stats` reads: the same figures for the same period. */
  readonly analytics: AnalyticsRepository;
  readonly wrapped: WrappedRepository;
  readonly narrator: YearNarration;
  readonly covers: CoverFetcher;
  readonly clock: Clock;
  /** Read on every request: `aime config set` applies without a restart. */
  readonly settings: () => WrappedSettings;
  readonly onCoverFailure?: (albumId: number, error: unknown) => void;
}

const TASK = 'year in review';

export function wrappedHandlers(deps: WrappedHandlerDeps) {
  return handlerTable<'wrapped.report' | 'wrapped.cover'>({
    'wrapped.report': {
      params: { year: optional(int({ min: 1970, max: 9999 })), from: optional(text()), to: optional(text()), ai: optional(bool()), force: optional(bool()) },
      run: async (params, context) => {
        const settings = deps.settings();
        const now = Math.floor(deps.clock.now() / 1000);
        const period = wrappedPeriod({ year: params.year, from: params.from, to: params.to }, { timeZone: settings.timeZone, now, history: await deps.analytics.bounds() });
        context.notify('progress', { requestId: context.requestId, task: TASK, done: 0, total: 2, message: 'counting' });
        const report = await yearInReview({ analytics: deps.analytics, wrapped: deps.wrapped }, period, now);
        const ai = params.ai ?? true;
        if (ai) context.notify('progress', { requestId: context.requestId, task: TASK, done: 1, total: 2, message: `the AI paragraph (${settings.aiWaitSeconds} s at most)` });
        return deps.narrator.narrate(report, {
          ai,
          force: params.force ?? false,
          language: settings.language,
          waitMs: settings.aiWaitSeconds * 1000,
          giveUpMs: Math.max(settings.aiWaitSeconds, settings.aiTimeoutSeconds) * 1000,
        });
      },
    },
    'wrapped.cover': {
      params: { albumId: int({ min: 1 }) },
      run: async ({ albumId }, context) => {
        const url = await deps.wrapped.coverUrl(albumId);
        if (!url) return { albumId, mime: null, data: null };
        try {
          const cover = await deps.covers.download(url, context.signal);
          return { albumId, mime: cover.mime, data: Buffer.from(cover.bytes.buffer, cover.bytes.byteOffset, cover.bytes.byteLength).toString('base64') };
        } catch (error) {
          deps.onCoverFailure?.(albumId, error);
          return { albumId, mime: null, data: null };
        }
      },
    },
  });
}
