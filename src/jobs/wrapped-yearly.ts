import { jobDefinition } from '../core/jobs/catalogue.js';
import { localDate } from '../core/time/days.js';
import { runJob } from './runtime.js';
import { publishWrappedPage } from './wrapped-page.js';

/** 31 December, 20:00: wrapped-<year>.html, the current year so far (any day it is run by hand). */
await runJob('wrapped-yearly', async (context) => {
  const today = localDate(context.output.timezone, Math.floor(context.startedAt / 1000));
  let year = Number(today.slice(0, 4));
  // A catch-up in January makes up for the page of 31 December, not for the new year's first days.
  if (context.trigger === 'catch-up' && today.slice(5, 7) === '01') year--;
  return publishWrappedPage(context, { year }, String(year), jobDefinition('wrapped-yearly').output!);
});
