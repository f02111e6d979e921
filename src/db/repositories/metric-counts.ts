import type { Statement } from 'better-sqlite3';
import type { Database } from '../data-source.js';

/**
 * The counts GET /metrics reads at every scrape, both from small tables: listens per source
 * (listen_counts, brought up to date with the listens stored since the last read — a range of
 * the primary key, a few rows between two scrapes) and finished job runs per job and result
 * (job_runs holds a few runs a day).
 */
export class SqliteMetricCounts {
  private readonly db: Database;
  private readonly sql: Record<'folded' | 'newest' | 'fresh' | 'add' | 'mark' | 'listens' | 'jobRuns', Statement>;

  constructor(db: Database) {
    this.db = db;
    const prepare = (text: string) => db.sqlite.prepare(text);
    this.sql = {
      folded: prepare('SELECT folded_listen_id FROM listen_counts_state WHERE id = 1').pluck(),
      newest: prepare('SELECT COALESCE(MAX(id), 0) FROM listening_history').pluck(),
      fresh: prepare('SELECT source, COUNT(*) AS listens FROM listening_history WHERE id > ? AND id <= ? GROUP BY source'),
      add: prepare('INSERT INTO listen_counts (source, listens) VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET listens = listens + excluded.listens'),
      mark: prepare('UPDATE listen_counts_state SET folded_listen_id = ? WHERE id = 1'),
      listens: prepare('SELECT source, listens FROM listen_counts WHERE listens > 0 ORDER BY source'),
      jobRuns: prepare(`SELECT job, status AS result, COUNT(*) AS runs FROM job_runs WHERE status <> 'running' GROUP BY job, status ORDER BY job, status`),
    };
  }

  listensBySource(): Record<string, number> {
    this.fold();
    const rows = this.sql.listens.all() as { source: string; listens: number }[];
    return Object.fromEntries(rows.map((row) => [row.source, row.listens]));
  }

  jobRuns(): { job: string; result: string; runs: number }[] {
    return this.sql.jobRuns.all() as { job: string; result: string; runs: number }[];
  }

  /** Adds the listens stored since the last fold; the write lock keeps a batch from landing half-counted. */
  private fold(): void {
    const { sql } = this;
    // Most scrapes find nothing new: that needs no write lock.
    if ((sql.newest.get() as number) <= (sql.folded.get() as number)) return;
    this.db.sqlite
      .transaction(() => {
        const folded = sql.folded.get() as number;
        const newest = sql.newest.get() as number;
        if (newest <= folded) return;
        for (const row of sql.fresh.all(folded, newest) as { source: string; listens: number }[]) sql.add.run(row.source, row.listens);
        sql.mark.run(newest);
      })
      .immediate();
  }
}
