import { generateListeningHaiku } from '../core/ai/digests.js';
import { renderWeeklyHaiku } from '../core/exports/documents.js';
import { publishOutput } from '../core/exports/files.js';
import { jobDefinition } from '../core/jobs/catalogue.js';
import { SqliteExportCatalog } from '../db/repositories/exports.js';
import { aiForJob } from './ai.js';
import { runJob } from './runtime.js';

/** Sunday 20:00: a haiku on the week's top artists and albums, with the rankings it was written from. */
await runJob('weekly-haiku', async (context) => {
  const haiku = await generateListeningHaiku(aiForJob(context), { days: 7, signal: context.signal });
  const summary = await new SqliteExportCatalog(context.db).listeningSummary(haiku.from, haiku.to, context.output.timezone, 5);
  const content = renderWeeklyHaiku({ summary, timezone: context.output.timezone, haiku: haiku.text, model: haiku.model });
  const outputFile = publishOutput(context.output, jobDefinition('weekly-haiku').output!, content, context.startedAt);
  return { outputFile, details: { listens: summary.listens, model: haiku.model } };
});
