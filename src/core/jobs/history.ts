import { pageOffset, type Page, type PageRequest } from '../paging.js';
import type { JobRun, JobRunRepository } from './catalogue.js';

/** Past runs, newest first, one page at a time (`aime jobs history --page`). */
export function jobRunsPage(runs: JobRunRepository, request: PageRequest & { readonly job?: string }): Page<JobRun> {
  const { job, page, pageSize } = request;
  return { items: runs.history({ job, limit: pageSize, offset: pageOffset(request) }), total: runs.count({ job }), page, pageSize };
}
