import { describeAlbums } from '../core/ai/jobs.js';
import { UnrecoverableError } from '../core/errors.js';
import { aiForJob } from './ai.js';
import { runJob } from './runtime.js';

/** Albums described per run (SPEC §4.6: the 10 most played without a description). */
const ALBUMS_PER_RUN = 10;

/** Every 6 hours: AI descriptions for the most played albums that have none yet. */
await runJob('ai-descriptions', async (context) => {
  const result = await describeAlbums(aiForJob(context), { limit: ALBUMS_PER_RUN, mostPlayedWithoutDescription: true, signal: context.signal });
  const details = { described: result.described, failed: result.failed, errors: result.errors.slice(0, 10) };
  // Some albums failing is a partial success; none succeeding means the AI is not answering.
  if (result.failed > 0 && result.described === 0) {
    throw new UnrecoverableError(`no album described: ${result.failed} failed (first: ${result.errors[0]?.error ?? 'unknown error'})`, { detail: details });
  }
  return { details };
});
