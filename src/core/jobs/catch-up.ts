/**
 * The rule for runs missed while the daemon (or the scheduler) was down. It is written
 * down in README ("Scheduler and jobs"):
 *
 * When the scheduler starts, an enabled job runs once right away (trigger "catch-up") when
 * its most recent scheduled time is already past, that time is later than the moment the
 * scheduler was first started on this database, and no run of the job started at or after
 * that time. Only the latest missed time counts: a week offline gives one catch-up run of
 * each daily job, not seven. A fresh install (nothing scheduled since the first start)
 * catches nothing up.
 */
export interface CatchUpFacts {
  /** The job's most recent scheduled time before now (ms), or null when it never fell due. */
  readonly previousScheduledAt: number | null;
  /** When the scheduler was first started on this database (ms). */
  readonly schedulerSince: number;
  /** Start of the job's latest run (ms), or null when it never ran. */
  readonly lastRunStartedAt: number | null;
}

export function missedRun(facts: CatchUpFacts): boolean {
  const due = facts.previousScheduledAt;
  if (due === null || due <= facts.schedulerSince) return false;
  return facts.lastRunStartedAt === null || facts.lastRunStartedAt < due;
}
