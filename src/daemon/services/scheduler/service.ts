import { Worker, type WorkerOptions } from 'node:worker_threads';
import type Bree from 'bree';
import type { AimeConfig } from '../../../config/config.js';
import { UserError, errorMessage } from '../../../core/errors.js';
import { missedRun } from '../../../core/jobs/catch-up.js';
import { isJobName, JOB_NAMES, type JobName, type JobRun, type JobRunRepository, type JobTrigger } from '../../../core/jobs/catalogue.js';
import type { SyncStateRepository } from '../../../core/ports.js';
import type { Logger } from '../../../log.js';
import type { Service, ServiceReport } from '../registry.js';
import { buildBree } from './bree.js';
import { cronSchedule } from './cron.js';
import { plannedJobs, unknownOverrides, type PlannedJob } from './jobs.js';

export interface SchedulerDeps {
  readonly values: () => AimeConfig;
  /** AIME_HOME handed to job workers, so they open the same configuration. */
  readonly home: string | undefined;
  readonly databasePath: string;
  readonly runs: JobRunRepository;
  readonly state: SyncStateRepository;
  readonly log: Logger;
}

interface ActiveRun {
  readonly runId: number;
  readonly trigger: JobTrigger;
  readonly startedAt: number;
  readonly waiters: ((run: JobRun) => void)[];
  error?: string;
}

export interface JobView extends PlannedJob {
  readonly scheduled: boolean;
  readonly running: boolean;
  readonly nextRunAt: number | null;
  readonly lastRun: JobRun | null;
}

const SINCE_KEY = 'scheduler.since';

/**
 * The `scheduler` service: Bree runs each job of the catalogue in its own worker thread
 * (dist/src/jobs/<name>.js) on its cron, in the configured time zone. Every run, scheduled,
 * manual or catch-up, opens a job_runs row here before its worker starts; the worker closes
 * it, and a worker that dies is closed here. Bree never starts a job whose worker is still
 * running, so two runs of one job never overlap.
 */
export class SchedulerService implements Service {
  readonly name = 'scheduler';
  private readonly deps: SchedulerDeps;
  private bree?: Bree;
  private jobs: PlannedJob[] = [];
  private scheduled = new Set<JobName>();
  private readonly active = new Map<string, ActiveRun>();
  private readonly nextTrigger = new Map<string, JobTrigger>();
  private readonly pendingWaiters = new Map<string, ((run: JobRun) => void)[]>();
  private staleChecked = false;
  /** Jobs to arm once their current (manual) run ends: Bree cannot arm a job whose worker runs. */
  private readonly armWhenIdle = new Set<JobName>();
  private replanWhenIdle = false;
  /** Between start() and stop(), even with every job disabled. */
  private started = false;

  constructor(deps: SchedulerDeps) {
    this.deps = deps;
  }

  async start(): Promise<void> {
    const bree = await this.prepare(true);
    const now = Date.now();
    const since = await this.since(now);
    const missed: JobName[] = [];
    for (const job of this.jobs) {
      if (!job.enabled || job.problem) continue;
      if (this.active.has(job.name)) this.armWhenIdle.add(job.name);
      else await bree.start(job.name);
      this.scheduled.add(job.name);
      const facts = { previousScheduledAt: cronSchedule(job.cron, job.timezone).previous(now), schedulerSince: since, lastRunStartedAt: this.deps.runs.latest(job.name)?.startedAt ?? null };
      if (missedRun(facts)) missed.push(job.name);
    }
    this.started = true;
    for (const name of unknownOverrides(this.deps.values())) this.deps.log.warn({ job: name }, 'scheduler.jobs names a job that does not exist');
    if (missed.length) void this.catchUp(missed);
  }

  async stop(): Promise<void> {
    const bree = this.bree;
    this.started = false;
    this.scheduled.clear();
    this.armWhenIdle.clear();
    this.replanWhenIdle = false;
    if (!bree) return;
    const stopping = bree.stop();
    const limit = new Promise<void>((resolve) => setTimeout(resolve, 2000).unref());
    await Promise.race([stopping, limit]);
    for (const worker of bree.workers.values()) await worker.terminate();
  }

  /** Last run and its error come from job_runs, so they read the same after a restart. */
  report(): ServiceReport {
    const last = this.deps.runs.history({ limit: 1 })[0];
    return {
      running: this.started,
      lastRunAt: last ? new Date(last.startedAt) : null,
      lastError: last && last.status !== 'ok' && last.status !== 'running' ? `${last.job}: ${last.error ?? last.status}` : null,
      details: { scheduledJobs: this.scheduled.size, runningJobs: [...this.active.keys()] },
    };
  }

  /**
   * `aime config set scheduler.jobs|timezone` while the scheduler runs: the jobs are re-armed
   * with the new schedule at once, or as soon as no job is running (a run is never cut short).
   */
  async configurationChanged(key: string): Promise<void> {
    if ((key !== 'scheduler.jobs' && key !== 'timezone') || !this.started) return;
    if (this.active.size > 0) {
      this.replanWhenIdle = true;
      return;
    }
    await this.replan();
  }

  private async replan(): Promise<void> {
    await this.stop();
    await this.start();
    this.deps.log.info({ jobs: [...this.scheduled] }, 'jobs re-armed with the new schedule');
  }

  /** The zone schedules are read in (config `timezone`). */
  timezone(): string {
    return this.deps.values().timezone;
  }

  /** Every job with its schedule, its last run and, while scheduled, its next run. */
  async list(): Promise<JobView[]> {
    const jobs = this.bree ? this.jobs : plannedJobs(this.deps.values());
    const now = Date.now();
    return jobs.map((job) => {
      const scheduled = this.scheduled.has(job.name);
      return {
        ...job,
        scheduled,
        running: this.active.has(job.name),
        nextRunAt: scheduled ? cronSchedule(job.cron, job.timezone).next(now) : null,
        lastRun: this.deps.runs.latest(job.name) ?? null,
      };
    });
  }

  /** Runs a job now (scheduled or not) and resolves with its finished job_runs row. */
  async runNow(name: string, trigger: JobTrigger = 'manual'): Promise<JobRun> {
    if (!isJobName(name)) throw new UserError(`unknown job "${name}" (jobs: ${JOB_NAMES.join(', ')})`);
    const bree = await this.prepare(false);
    const job = this.jobs.find((candidate) => candidate.name === name);
    if (job?.problem) throw new UserError(`job ${name} cannot run: ${job.problem}`);
    const current = this.active.get(name);
    if (current) throw new UserError(`job ${name} is already running (since ${new Date(current.startedAt).toISOString()})`);
    this.nextTrigger.set(name, trigger);
    const waiters = this.waitersOf(name);
    let resolveRun: (run: JobRun) => void = () => undefined;
    const done = new Promise<JobRun>((resolve) => (resolveRun = resolve));
    waiters.push(resolveRun);
    try {
      await bree.run(name);
    } catch (error) {
      // No worker started: this caller must not be handed the next run of the job.
      waiters.splice(waiters.indexOf(resolveRun), 1);
      this.nextTrigger.delete(name);
      throw error;
    }
    return done;
  }

  /** Callers of runNow waiting for the worker about to start. */
  private waitersOf(name: string): ((run: JobRun) => void)[] {
    let waiters = this.pendingWaiters.get(name);
    if (!waiters) this.pendingWaiters.set(name, (waiters = []));
    return waiters;
  }

  private async catchUp(names: JobName[]): Promise<void> {
    for (const name of names) {
      if (!this.scheduled.has(name) || this.active.has(name)) continue;
      this.deps.log.info({ job: name }, 'running a job missed while the scheduler was down');
      try {
        await this.runNow(name, 'catch-up');
      } catch (error) {
        this.deps.log.warn({ job: name, err: error }, 'catch-up run not started');
      }
    }
  }

  /** When the scheduler first ran on this database: nothing before it counts as missed. */
  private async since(now: number): Promise<number> {
    const stored = await this.deps.state.get<number>(SINCE_KEY);
    if (typeof stored === 'number') return stored;
    await this.deps.state.set(SINCE_KEY, now);
    return now;
  }

  /**
   * The Bree instance with every job added. It is rebuilt from the current configuration
   * on each start when no job is running, so `scheduler.jobs` changes apply on restart of
   * the service.
   */
  private async prepare(fresh: boolean): Promise<Bree> {
    if (this.bree && !(fresh && this.active.size === 0)) return this.bree;
    if (!this.staleChecked) {
      const interrupted = this.deps.runs.interruptStale(Date.now());
      if (interrupted) this.deps.log.warn({ interrupted }, 'job runs left running by a previous daemon marked interrupted');
      this.staleChecked = true;
    }
    const built = await buildBree(plannedJobs(this.deps.values()), {
      log: this.deps.log,
      workerData: { home: this.deps.home, database: this.deps.databasePath },
      createWorker: (filename, options) => this.createWorker(filename, options),
      workerFailed: (name, error) => this.workerFailed(name, error),
      workerGone: (name) => this.workerGone(name),
    });
    this.bree = built.bree;
    this.jobs = built.jobs;
    return built.bree;
  }

  private createWorker(filename: string, options: Partial<WorkerOptions>): Worker {
    const data = options.workerData as { job: { name: string } };
    const name = data.job.name;
    const trigger = this.nextTrigger.get(name) ?? 'schedule';
    this.nextTrigger.delete(name);
    const startedAt = Date.now();
    const runId = this.deps.runs.start(name, trigger, startedAt);
    let worker: Worker;
    try {
      worker = new Worker(filename, { ...options, workerData: { ...data, runId, trigger, startedAt } });
    } catch (error) {
      this.deps.runs.finishIfRunning(runId, `the job worker could not start: ${errorMessage(error)}`, Date.now());
      throw error;
    }
    this.active.set(name, { runId, trigger, startedAt, waiters: this.waitersOf(name).splice(0) });
    this.deps.log.info({ job: name, run: runId, trigger }, 'job run started');
    return worker;
  }

  private workerFailed(name: string, error: unknown): void {
    const run = this.active.get(name);
    if (run) run.error = errorMessage(error);
    this.deps.log.error({ job: name, err: error }, 'job worker failed');
  }

  private workerGone(name: string): void {
    const run = this.active.get(name);
    if (!run) return;
    this.active.delete(name);
    const closed = this.deps.runs.finishIfRunning(run.runId, run.error ?? 'the job worker stopped without recording a result', Date.now());
    if (closed) this.deps.log.error({ job: name, run: run.runId }, 'job worker ended without recording its run');
    if (this.armWhenIdle.delete(name as JobName)) {
      this.bree?.start(name).catch((error: unknown) => this.deps.log.error({ job: name, err: error }, 'job could not be scheduled'));
    }
    const finished = this.deps.runs.get(run.runId);
    if (finished) for (const resolve of run.waiters) resolve(finished);
    if (this.replanWhenIdle && this.active.size === 0) {
      this.replan().catch((error: unknown) => this.deps.log.error({ err: error }, 'jobs could not be re-armed'));
    }
  }
}
