import { JOB_NAMES, type JobRun, type JobRunRepository } from '../../core/jobs/catalogue.js';
import { jobRunsPage } from '../../core/jobs/history.js';
import type { JobDto, JobRunDto } from '../../rpc/methods/jobs.js';
import { filledText, int, oneOf, optional } from './params.js';
import { handlerTable, NO_PARAMS } from './typed.js';

/** A job as the scheduler lists it (times in ms). */
export type ScheduledJob = Omit<JobDto, 'nextRunAt' | 'lastRun'> & { readonly nextRunAt: number | null; readonly lastRun: JobRun | null };

/** What the jobs handlers ask of the scheduler service. */
export interface JobScheduler {
  list(): Promise<ScheduledJob[]>;
  runNow(name: string): Promise<JobRun>;
  /** The zone schedules are read in. */
  timezone(): string;
  report(): { readonly running: boolean };
}

export function jobsHandlers(deps: { scheduler: JobScheduler; runs: JobRunRepository }) {
  return handlerTable<'jobs.list' | 'jobs.run' | 'jobs.history'>({
    'jobs.list': {
      params: NO_PARAMS,
      run: async () => {
        const jobs = await deps.scheduler.list();
        return {
          schedulerRunning: deps.scheduler.report().running,
          timezone: deps.scheduler.timezone(),
          jobs: jobs.map((job) => ({
            ...job,
            nextRunAt: job.nextRunAt === null ? null : new Date(job.nextRunAt).toISOString(),
            lastRun: job.lastRun ? runDto(job.lastRun) : null,
          })),
        };
      },
    },
    'jobs.run': { params: { name: filledText() }, run: async ({ name }) => runDto(await deps.scheduler.runNow(name)) },
    'jobs.history': {
      params: { job: optional(oneOf(JOB_NAMES)), limit: optional(int({ min: 1, max: 1000 })), page: optional(int({ min: 1, max: 1_000_000_000 })) },
      run: async ({ job, limit, page }) => {
        const found = jobRunsPage(deps.runs, { job, page: page ?? 1, pageSize: limit ?? 20 });
        const runs = found.items.map(runDto);
        return { runs, timezone: deps.scheduler.timezone(), ...found, items: runs };
      },
    },
  });
}

function runDto(run: JobRun): JobRunDto {
  return {
    ...run,
    startedAt: new Date(run.startedAt).toISOString(),
    finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt).toISOString(),
  };
}
