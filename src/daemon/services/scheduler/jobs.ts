import type { AimeConfig } from '../../../config/config.js';
import { JOBS, type JobName } from '../../../core/jobs/catalogue.js';
import { cronSchedule } from './cron.js';

/** A job as the scheduler runs it: the catalogue entry with the config's override applied. */
export interface PlannedJob {
  readonly name: JobName;
  readonly description: string;
  readonly cron: string;
  readonly defaultCron: string;
  readonly timezone: string;
  readonly enabled: boolean;
  /** Why the job cannot be scheduled (a bad cron override, an unknown time zone). */
  readonly problem: string | null;
}

/** The jobs with `scheduler.jobs` overrides ({"markdown-export":{"cron":"0 7 * * *","enabled":false}}). */
export function plannedJobs(config: AimeConfig): PlannedJob[] {
  const overrides = config.scheduler.jobs ?? {};
  return JOBS.map((job) => {
    const override = overrides[job.name] ?? {};
    const cron = typeof override.cron === 'string' && override.cron.trim() ? override.cron.trim() : job.cron;
    return {
      name: job.name,
      description: job.description,
      cron,
      defaultCron: job.cron,
      timezone: config.timezone,
      enabled: override.enabled !== false,
      problem: scheduleProblem(cron, config.timezone),
    };
  });
}

/** Names in `scheduler.jobs` that are not jobs (a typo would otherwise be silently ignored). */
export function unknownOverrides(config: AimeConfig): string[] {
  const known = new Set<string>(JOBS.map((job) => job.name));
  return Object.keys(config.scheduler.jobs ?? {}).filter((name) => !known.has(name));
}

function scheduleProblem(cron: string, timezone: string): string | null {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    return `unknown time zone "${timezone}" (config key timezone)`;
  }
  const fields = cron.split(/\s+/).length;
  if (fields !== 5 && fields !== 6) return `cron "${cron}" must have 5 fields (or 6 with seconds)`;
  try {
    if (cronSchedule(cron, timezone).next(Date.now()) === null) return `cron "${cron}" never fires`;
  } catch {
    return `cron "${cron}" is not a valid cron expression`;
  }
  return null;
}
