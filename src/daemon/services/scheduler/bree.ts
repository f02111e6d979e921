import { fileURLToPath } from 'node:url';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import type Bree from 'bree';
import { errorMessage } from '../../../core/errors.js';
import type { Logger } from '../../../log.js';
import { hasSeconds } from './cron.js';
import type { PlannedJob } from './jobs.js';

/** A hung job is terminated after this long (the longest job, a full enrichment, takes minutes). */
const JOB_TIME_LIMIT_MS = 2 * 60 * 60 * 1000;

export interface BreeHooks {
  readonly log: Logger;
  /** What every worker is handed besides its job (Bree's workerData). */
  readonly workerData: { home?: string; database: string };
  /** Starts a job's worker thread (the scheduler opens the run first). */
  createWorker(filename: string, options: Partial<WorkerOptions>): Worker;
  workerFailed(name: string, error: unknown): void;
  /** The worker is gone (done, failed, cancelled or terminated). */
  workerGone(name: string): void;
}

/**
 * A Bree instance with every planned job added as its worker file (dist/src/jobs/<job>.js)
 * and cron in the job's zone. Jobs Bree refuses keep the reason as their problem.
 */
export async function buildBree(planned: readonly PlannedJob[], hooks: BreeHooks): Promise<{ bree: Bree; jobs: PlannedJob[] }> {
  const { default: BreeClass } = await import('bree');
  const { log } = hooks;
  const bree = new BreeClass({
    root: false,
    doRootCheck: false,
    logger: { info: (message: unknown) => log.debug({ bree: String(message) }), warn: (message: unknown) => log.warn({ bree: String(message) }), error: (message: unknown) => log.error({ bree: String(message) }) },
    errorHandler: (error, data) => hooks.workerFailed(data.name, error),
    workerMessageHandler: () => undefined,
  });
  bree.createWorker = (filename: string, options: Partial<WorkerOptions>) => hooks.createWorker(filename, options);
  bree.on('worker deleted', (name: string) => hooks.workerGone(name));
  const jobs: PlannedJob[] = [];
  for (const job of planned) {
    if (job.problem) {
      jobs.push(job);
      continue;
    }
    try {
      await bree.add({
        name: job.name,
        path: fileURLToPath(new URL(`../../../jobs/${job.name}.js`, import.meta.url)),
        cron: job.cron,
        hasSeconds: hasSeconds(job.cron),
        timezone: job.timezone,
        closeWorkerAfterMs: JOB_TIME_LIMIT_MS,
        worker: { workerData: hooks.workerData },
      });
      jobs.push(job);
    } catch (error) {
      jobs.push({ ...job, problem: errorMessage(error) });
    }
  }
  return { bree, jobs };
}
