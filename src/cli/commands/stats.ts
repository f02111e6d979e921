import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ParamsOf, ResultOf } from '../../rpc/contract.js';
import type { StatsPeriodParams } from '../../rpc/methods/stats.js';
import { action, examples } from '../action.js';
import type { CliRuntime } from '../runtime.js';

type PeriodMethod = 'stats.summary' | 'stats.heatmap' | 'stats.sessions' | 'stats.discovery' | 'stats.compare' | 'stats.patterns' | 'stats.streaks';

interface PeriodOptions {
  range?: StatsPeriodParams['range'];
  from?: string;
  to?: string;
  limit?: number;
}

/** --limit: a whole number 1–500, refused by commander (exit 2) otherwise. */
function limitArgument(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new InvalidArgumentError('expected a whole number from 1 to 500');
  return limit;
}

/** --range / --from / --to (and --limit for lists) on every period statistic. */
function periodOptions(command: Command, fallback: string, withLimit: boolean): Command {
  command
    .addOption(new Option('--range <range>', `week (last 7 days), month (30), year (365) or all (default: ${fallback})`).choices(['week', 'month', 'year', 'all']))
    .option('--from <date>', 'first local day included (YYYY-MM-DD)')
    .option('--to <date>', 'last local day included (YYYY-MM-DD; default today)');
  if (withLimit) command.option('--limit <n>', 'entries per list (1–500)', limitArgument);
  return command;
}

function periodParams(options: PeriodOptions): StatsPeriodParams {
  const params: { -readonly [K in keyof StatsPeriodParams]: StatsPeriodParams[K] } = {};
  if (options.range) params.range = options.range;
  if (options.from) params.from = options.from;
  if (options.to) params.to = options.to;
  if (options.limit !== undefined) params.limit = options.limit;
  return params;
}

/** Asks the daemon, prints JSON or hands the result to a view (loaded lazily, off the start-up path). */
function periodAction<M extends PeriodMethod>(method: M, show: (cli: CliRuntime, result: ResultOf<M>) => Promise<void>) {
  return action(async (cli, options: PeriodOptions) => {
    const result = await cli.call(method, periodParams(options) as ParamsOf<M>);
    cli.out.data(result);
    if (!cli.out.json) await show(cli, result);
  });
}

const views = () => import('../stats-views.js');

export function registerStatsCommands(program: Command): void {
  const stats = program
    .command('stats')
    .description('listening statistics in the configured time zone: totals, tops, heatmap, sessions, streaks…')
    .addHelpText('after', examples('aime stats --range year', 'aime stats heatmap', 'aime stats compare --range month', 'aime stats unplayed'));

  periodOptions(stats.command('summary', { isDefault: true }), 'all', true)
    .description('totals, hours listened, top artists/albums/tracks, daily average, peak hour and weekday (the default)')
    .addHelpText('after', examples('aime stats', 'aime stats --range month', 'aime stats --from 2026-01-01 --to 2026-03-31 --limit 5', 'aime stats --json | jq .topArtists'))
    .action(periodAction('stats.summary', async (cli, result) => (await views()).showSummary(cli.out, result)));

  periodOptions(stats.command('heatmap'), 'all', false)
    .description('listens per local hour and weekday, as heat cells')
    .addHelpText('after', examples('aime stats heatmap', 'aime stats heatmap --range year'))
    .action(periodAction('stats.heatmap', async (cli, result) => (await views()).showHeatmap(cli.out, result)));

  periodOptions(stats.command('sessions'), 'all', false)
    .description('listening sessions (a silence over 30 minutes starts a new one): count, average length, longest')
    .addHelpText('after', examples('aime stats sessions --range month'))
    .action(periodAction('stats.sessions', async (cli, result) => (await views()).showSessions(cli.out, result)));

  periodOptions(stats.command('discovery'), 'month', true)
    .description('artists and albums heard for the first time in the period')
    .addHelpText('after', examples('aime stats discovery', 'aime stats discovery --range year --limit 20'))
    .action(periodAction('stats.discovery', async (cli, result) => (await views()).showDiscovery(cli.out, result)));

  periodOptions(stats.command('compare'), 'month', true)
    .description('the period against the same number of days just before it, with changes in %')
    .addHelpText('after', examples('aime stats compare', 'aime stats compare --range week'))
    .action(periodAction('stats.compare', async (cli, result) => (await views()).showComparison(cli.out, result)));

  periodOptions(stats.command('patterns'), 'year', true)
    .description('artist correlations: pairs heard one straight after the other')
    .addHelpText('after', examples('aime stats patterns', 'aime stats patterns --range all --limit 20'))
    .action(periodAction('stats.patterns', async (cli, result) => (await views()).showPatterns(cli.out, result)));

  periodOptions(stats.command('streaks'), 'all', false)
    .description('days in a row with listening: longest and current streak, activity sparkline')
    .addHelpText('after', examples('aime stats streaks', 'aime stats streaks --range year'))
    .action(periodAction('stats.streaks', async (cli, result) => (await views()).showStreaks(cli.out, result)));

  stats
    .command('unplayed')
    .description('collection albums never played, oldest purchases first')
    .option('--limit <n>', 'albums listed (1–500, default 20)', limitArgument)
    .addHelpText('after', examples('aime stats unplayed', 'aime stats unplayed --limit 100 --json'))
    .action(
      action(async (cli, options: { limit?: number }) => {
        const params: ParamsOf<'stats.unplayed'> = options.limit === undefined ? {} : { limit: options.limit };
        const result = await cli.call('stats.unplayed', params);
        cli.out.data(result);
        if (!cli.out.json) (await views()).showUnplayed(cli.out, result);
      }),
    );
}
