import { systemClock } from '../core/ports.js';
import { shownDateTime } from '../core/time/shown.js';
import { gatherCovers, pageCovers } from '../core/wrapped/cover-fetch.js';
import { publishPeriodOutput } from '../core/wrapped/files.js';
import { renderWrappedPage } from '../core/wrapped/page/render.js';
import { YearNarrator } from '../core/wrapped/paragraph.js';
import { wrappedPeriod, type WrappedRequest } from '../core/wrapped/period.js';
import { yearInReview } from '../core/wrapped/report.js';
import type { OutputKind } from '../core/jobs/catalogue.js';
import { SqliteAnalytics } from '../db/repositories/analytics.js';
import { SqliteWrappedParagraphs } from '../db/repositories/wrapped-paragraphs.js';
import { SqliteWrapped } from '../db/repositories/wrapped.js';
import { CoverDownloader } from '../integrations/covers/downloader.js';
import { buildAi } from '../wiring/ai.js';
import type { JobContext, JobResult } from './runtime.js';

/**
 * The page of `aime wrapped --html` for a period, into the output folder (wrapped-yearly,
 * wrapped-monthly): the same figures, paragraph store and page as the command. Nobody waits
 * on a job, so the AI gets its whole ai.timeoutSeconds while the covers are fetched beside
 * it; without the AI configured the page is written without a paragraph, not refused.
 */
export async function publishWrappedPage(context: JobContext, request: WrappedRequest, label: string, kind: OutputKind): Promise<JobResult> {
  const values = context.config;
  const timeZone = context.output.timezone;
  const now = Math.floor(context.startedAt / 1000);
  const analytics = new SqliteAnalytics(context.db);
  const wrapped = new SqliteWrapped(context.db);
  const period = wrappedPeriod(request, { timeZone, now, history: await analytics.bounds() });
  const report = await yearInReview({ analytics, wrapped }, period, now);

  const ai = buildAi({ values: () => context.configFile.values(), db: context.db, http: context.http });
  const narrator = new YearNarrator({
    writer: ai.client,
    store: new SqliteWrappedParagraphs(context.db),
    clock: systemClock,
    problem: ai.problem,
    onFailure: (error) => context.log.warn({ err: error }, 'the AI paragraph failed; the page is written without it'),
  });
  const downloader = new CoverDownloader(context.http);
  const aiMs = values.ai.timeoutSeconds * 1000;
  const [narrated, covers] = await Promise.all([
    narrator.narrate(report, { ai: true, force: false, language: values.ai.language, waitMs: aiMs, giveUpMs: aiMs }),
    gatherCovers(pageCovers(report), { cover: async (album, signal) => (await downloader.download(album.coverUrl, signal)).bytes }),
  ]);
  const content = renderWrappedPage(narrated, { covers, generatedAt: shownDateTime(context.startedAt, timeZone) });
  const outputFile = publishPeriodOutput(context.output, kind, label, content);
  return {
    outputFile,
    details: { from: report.from, to: report.to, listens: report.listens, covers: covers.size, paragraph: narrated.paragraph.status, model: narrated.ai?.model ?? null },
  };
}
