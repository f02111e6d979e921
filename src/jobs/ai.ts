import type { AiDeps } from '../core/ai/ports.js';
import { UserError } from '../core/errors.js';
import { buildAi } from '../wiring/ai.js';
import type { JobContext } from './runtime.js';

/** The AI deps for one job run, built like the daemon's; a run without AI settings fails saying what is missing. */
export function aiForJob(context: JobContext): AiDeps {
  const ai = buildAi({ values: () => context.configFile.values(), db: context.db, http: context.http });
  const problem = ai.problem();
  if (problem) throw new UserError(`needs the AI: ${problem}`);
  return ai.deps();
}
