import { jobDefinition } from '../core/jobs/catalogue.js';
import { previousMonth } from '../core/time/days.js';
import { runJob } from './runtime.js';
import { publishWrappedPage } from './wrapped-page.js';

/** The 1st, 05:00: wrapped-<year>-<month>.html for the calendar month just ended. */
await runJob('wrapped-monthly', async (context) => {
  const month = previousMonth(context.startedAt, context.output.timezone);
  const [year, number] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return publishWrappedPage(context, { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` }, month, jobDefinition('wrapped-monthly').output!);
});
