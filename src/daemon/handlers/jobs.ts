import { isJobName, JOB_NAMES, type JobRun, type JobRunRepository } from '../../core/jobs/catalogue.js';
import type { JobRunDto } from '../../rpc/methods/jobs.js';
import type { SchedulerService } from '../services/scheduler/service.js';
import { asParams, invalid, optionalInt, optionalString, requiredString } from './params.js';
import { handlerTable } from './typed.js';

export function jobsHandlers(deps: { scheduler: SchedulerService; runs: JobRunRepository }) {
  return handlerTable<'jobs.list' | 'jobs.run' | 'jobs.history'>({
    'jobs.list': async () => {
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
    'jobs.run': async (raw) => runDto(await deps.scheduler.runNow(requiredString(asParams(raw), 'name'))),
    'jobs.history': async (raw) => {
      const params = asParams(raw);
      const job = optionalString(params, 'job');
      if (job !== undefined && !isJobName(job)) throw invalid('job', `one of ${JOB_NAMES.join(', ')}`);
      const limit = optionalInt(params, 'limit', { min: 1, max: 1000 }) ?? 20;
      return { runs: deps.runs.history({ job, limit }).map(runDto), timezone: deps.scheduler.timezone() };
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
