import type { Command } from 'commander';
import { shownDateTime } from '../../core/time/shown.js';
import { JOB_NAMES } from '../../core/jobs/catalogue.js';
import type { JobRunDto } from '../../rpc/methods/jobs.js';
import { action, examples } from '../action.js';
import { ExitCode } from '../exit.js';
import type { Output } from '../output.js';
import { notePage, pageRequest, withPaging, type PagingOptions, type PagingRule } from '../paging.js';

const PAGING: PagingRule = { noun: 'runs', defaultSize: 20, maxSize: 1000 };

export function registerJobsCommands(program: Command): void {
  const jobs = program
    .command('jobs')
    .description(`the scheduler's jobs (${JOB_NAMES.join(', ')}): schedules, runs now, history`)
    .addHelpText('after', examples('aime jobs list', 'aime jobs run markdown-export', 'aime jobs history --job json-export'));

  jobs
    .command('list')
    .description('each job: schedule (cron, time zone), last run and its status, next run')
    .addHelpText('after', examples('aime jobs list', 'aime jobs list --json | jq ".jobs[] | {name, nextRunAt}"'))
    .action(
      action(async (cli) => {
        const result = await cli.call('jobs.list', {});
        cli.out.data(result);
        cli.out.table(
          ['job', 'schedule', 'last run', 'status', 'next run'],
          result.jobs.map((job) => [
            job.name,
            `${job.cron}${job.enabled ? '' : ' (disabled)'}`,
            job.lastRun ? shown(job.lastRun.startedAt, result.timezone) : 'never',
            job.running ? 'running' : job.lastRun?.status ?? '',
            job.problem ? `not scheduled: ${job.problem}` : job.nextRunAt ? shown(job.nextRunAt, result.timezone) : '',
          ]),
        );
        cli.out.note(`schedules and times in ${result.timezone} (config key timezone)`);
        if (!result.schedulerRunning) cli.out.note('the scheduler is stopped: jobs run only when asked (aime service start scheduler)');
      }),
    );

  jobs
    .command('run <job>')
    .description('run a job now, wait for it, and print how it went and the file it wrote')
    .addHelpText('after', examples('aime jobs run markdown-export', 'aime jobs run monthly-report --json'))
    .action(
      action(async (cli, name: string) => {
        const run = await cli.call('jobs.run', { name });
        cli.out.data(run);
        cli.out.line(runLine(cli.out, run));
        if (run.outputFile) cli.out.line(run.outputFile);
        return run.status === 'ok' ? ExitCode.Ok : ExitCode.Failed;
      }),
    );

  withPaging(jobs.command('history'), PAGING)
    .description('past runs, newest first: trigger, status, duration, file written or error')
    .option('--job <name>', 'only this job')
    .addHelpText('after', examples('aime jobs history', 'aime jobs history --job weekly-haiku --limit 5', 'aime jobs history --page 2'))
    .action(
      action(async (cli, options: PagingOptions & { job?: string }) => {
        const { page, pageSize } = pageRequest(options, PAGING);
        const result = await cli.call('jobs.history', { ...(options.job ? { job: options.job } : {}), limit: pageSize, page });
        cli.out.data(result);
        if (result.total === 0) {
          cli.out.line(options.job ? `${options.job} has not run yet` : 'no job has run yet');
          return;
        }
        const { timezone } = result;
        if (result.items.length) {
          cli.out.table(
            ['id', 'job', 'trigger', 'started', 'status', 'took', 'file or error'],
            result.items.map((run) => [run.id, run.job, run.trigger, shown(run.startedAt, timezone), run.status, took(run), run.error ?? run.outputFile ?? '']),
          );
        }
        notePage(cli.out, result, 'runs');
      }),
    );
}

function runLine(out: Output, run: JobRunDto): string {
  const { green, red } = out.paint;
  const status = run.status === 'ok' ? green('ok') : red(run.status);
  return `${run.job} ${status} in ${took(run)}${run.error ? `: ${run.error}` : ''}`;
}

function took(run: JobRunDto): string {
  if (run.durationMs === null) return '';
  return run.durationMs < 10_000 ? `${run.durationMs} ms` : `${(run.durationMs / 1000).toFixed(1)} s`;
}

/** An ISO time as the configured zone's clock shows it. */
function shown(iso: string, timezone: string): string {
  return shownDateTime(Date.parse(iso), timezone);
}
