import { isJobName, JOB_NAMES, type JobRun, type JobRunRepository } from '../../core/jobs/catalogue.js';
import { jobRunsPage } from '../../core/jobs/history.js';
import type { JobRunDto } from '../../rpc/methods/jobs.js';
import type { SchedulerService } from '../scheduler/service.js';
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
      const pageSize = optionalInt(params, 'limit', { min: 1, max: 1000 }) ?? 20;
      const page = jobRunsPage(deps.runs, { job, page: optionalInt(params, 'page', { min: 1, max: 1_000_000_000 }) ?? 1, pageSize });
      const runs = page.items.map(runDto);
      return { runs, timezone: deps.scheduler.timezone(), ...page, items: runs };
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
