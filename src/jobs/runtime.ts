import { parentPort, workerData } from 'node:worker_threads';
import { ConfigFile, type AimeConfig } from '../config/config.js';
import { errorMessage, isAimeError } from '../core/errors.js';
import type { JobName, JobTrigger } from '../core/jobs/catalogue.js';
import type { OutputPlace } from '../core/exports/files.js';
import { openDatabase, type Database } from '../db/data-source.js';
import { SqliteJobRuns } from '../db/repositories/jobs.js';
import type { HttpClient } from '../integrations/http.js';
import { destination } from 'pino';
import { createLogger, type Logger } from '../log.js';
import { buildHttpClient } from '../wiring/http.js';

/** What the scheduler hands every job worker (Bree's workerData, plus the run it opened). */
export interface JobWorkerData {
  readonly home?: string;
  readonly database: string;
  readonly runId: number;
  readonly trigger: JobTrigger;
  /** When the scheduler started the run (ms). */
  readonly startedAt: number;
}

/** Everything a job body works with, built the same way the daemon builds it. */
export interface JobContext {
  readonly job: JobName;
  readonly trigger: JobTrigger;
  /** The configuration file (clients read it on each use) and its values at the start of the run. */
  readonly configFile: ConfigFile;
  readonly config: AimeConfig;
  readonly db: Database;
  readonly http: HttpClient;
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly startedAt: number;
  readonly output: OutputPlace;
}

export interface JobResult {
  readonly outputFile?: string;
  readonly details?: Record<string, unknown>;
}

/**
 * The whole life of a job worker: open config and database (own connection, WAL +
 * busy_timeout through the same db/ factory), run the body, record how the run ended in
 * job_runs, close everything and tell Bree it is done. A "cancel" from Bree (daemon
 * stopping) records the run as interrupted before the thread is terminated.
 */
export async function runJob(job: JobName, body: (context: JobContext) => Promise<JobResult>): Promise<void> {
  const data = workerData as JobWorkerData;
  const abort = new AbortController();
  const config = await ConfigFile.open({ home: data.home });
  const values = config.values();
  // Synchronous writes: Bree terminates the thread right after "done", which would drop buffered lines.
  const log = (await createLogger({ level: values.log.level, secrets: config.secretValues(), destination: destination({ fd: 1, sync: true }) })).child({ job, run: data.runId });
  const db = await openDatabase({ path: data.database });
  const runs = new SqliteJobRuns(db);
  const http = buildHttpClient(values, log);
  const finish = (status: 'ok' | 'error' | 'interrupted', result: JobResult, error?: string) => {
    const finishedAt = Date.now();
    runs.finish(data.runId, { status, finishedAt, durationMs: finishedAt - data.startedAt, outputFile: result.outputFile ?? null, error: error ?? null, details: result.details });
  };
  parentPort?.on('message', (message) => {
    if (message !== 'cancel') return;
    abort.abort();
    finish('interrupted', {}, 'the daemon stopped during the run');
    parentPort?.postMessage('cancelled');
  });
  log.info({ trigger: data.trigger }, 'job started');
  try {
    const result = await body({
      job, trigger: data.trigger, configFile: config, config: values, db, http, log, signal: abort.signal, startedAt: data.startedAt,
      output: { dir: values.scheduler.outputDir, keep: values.scheduler.maxFilesPerType, timezone: values.timezone },
    });
    if (!abort.signal.aborted) finish('ok', result);
    log.info({ outputFile: result.outputFile, durationMs: Date.now() - data.startedAt }, 'job finished');
  } catch (error) {
    if (!abort.signal.aborted) finish('error', { details: isAimeError(error) ? error.detail : undefined }, errorMessage(error));
    log.error({ err: error }, 'job failed');
  } finally {
    await http.close();
    await db.close();
    log.flush();
    parentPort?.postMessage('done');
  }
}
