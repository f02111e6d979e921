import { exportCollection } from '../core/exports/collection.js';
import { publishOutput } from '../core/exports/files.js';
import { jobDefinition } from '../core/jobs/catalogue.js';
import { SqliteExportCatalog } from '../db/repositories/exports.js';
import { runJob } from './runtime.js';

/** 08:00: the whole collection as Markdown into the output folder. */
await runJob('markdown-export', async ({ db, output, startedAt }) => {
  const made = await exportCollection(new SqliteExportCatalog(db), { format: 'markdown', filter: {}, exportedAt: startedAt, timezone: output.timezone });
  const outputFile = publishOutput(output, jobDefinition('markdown-export').output!, made.content, startedAt);
  return { outputFile, details: { albums: made.albums } };
});
