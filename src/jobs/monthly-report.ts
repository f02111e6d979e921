import { generateMonthlyReport } from '../core/ai/digests.js';
import { monthRange, previousMonth } from '../core/time/days.js';
import { renderMonthlyReport } from '../core/exports/documents.js';
import { publishOutput } from '../core/exports/files.js';
import { jobDefinition } from '../core/jobs/catalogue.js';
import { SqliteExportCatalog } from '../db/repositories/exports.js';
import { aiForJob } from './ai.js';
import { runJob } from './runtime.js';

/** 1st of the month, 03:00: the calendar month just ended, in figures and in an AI-written review. */
await runJob('monthly-report', async (context) => {
  const timezone = context.output.timezone;
  const label = previousMonth(context.startedAt, timezone);
  const { from, to } = monthRange(label, timezone);
  const review = await generateMonthlyReport(aiForJob(context), { month: label, signal: context.signal });
  const summary = await new SqliteExportCatalog(context.db).listeningSummary(from, to, timezone, 10);
  const [year, month] = label.split('-').map(Number) as [number, number];
  const content = renderMonthlyReport({ summary, year, month, review: review.text, model: review.model });
  const outputFile = publishOutput(context.output, jobDefinition('monthly-report').output!, content, context.startedAt);
  return { outputFile, details: { month: label, listens: summary.listens, model: review.model } };
});
