import type { Statement } from 'better-sqlite3';
import type { Database } from '../data-source.js';

/**
 * The counts GET /metrics reads at every scrape, both from small tables: listens per source
 * (listen_counts, kept by triggers) and finished job runs per job and result (job_runs holds
 * a few runs a day).
 */
export class SqliteMetricCounts {
  private readonly listensSql: Statement;
  private readonly jobRunsSql: Statement;

  constructor(db: Database) {
    this.listensSql = db.sqlite.prepare('SELECT source, listens FROM listen_counts WHERE listens > 0 ORDER BY source');
    this.jobRunsSql = db.sqlite.prepare(`SELECT job, status AS result, COUNT(*) AS runs FROM job_runs WHERE status <> 'running' GROUP BY job, status ORDER BY job, status`);
  }

  listensBySource(): Record<string, number> {
    const rows = this.listensSql.all() as { source: string; listens: number }[];
    return Object.fromEntries(rows.map((row) => [row.source, row.listens]));
  }

  jobRuns(): { job: string; result: string; runs: number }[] {
    return this.jobRunsSql.all() as { job: string; result: string; runs: number }[];
  }
}
