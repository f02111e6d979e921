import { Option, type Command } from 'commander';
import type { ParamsOf, ResultOf } from '../../rpc/contract.js';
import type { StatsPeriodParams } from '../../rpc/methods/stats.js';
import { action, examples } from '../action.js';
import { wholeNumber } from '../arguments.js';
import { pageRequest, withPaging, type PagingOptions, type PagingRule } from '../paging.js';
import type { CliRuntime } from '../runtime.js';

type PeriodMethod = 'stats.summary' | 'stats.heatmap' | 'stats.sessions' | 'stats.discovery' | 'stats.compare' | 'stats.patterns' | 'stats.streaks';

interface PeriodOptions {
  range?: StatsPeriodParams['range'];
  from?: string;
  to?: string;
  limit?: string;
}

const UNPLAYED: PagingRule = { noun: 'albums', defaultSize: 20, maxSize: 500 };

/** --range / --from / --to (and --limit for lists, with the daemon's default) on every period statistic. */
function periodOptions(command: Command, fallback: string, limitDefault?: number): Command {
  command
    .addOption(new Option('--range <range>', `week (last 7 days), month (30), year (365) or all (default: ${fallback})`).choices(['week', 'month', 'year', 'all']))
    .option('--from <date>', 'first local day included (YYYY-MM-DD)')
    .option('--to <date>', 'last local day included (YYYY-MM-DD; default today)');
  if (limitDefault !== undefined) command.option('--limit <n>', `entries per list (1–500, default ${limitDefault})`);
  return command;
}

function periodParams(options: PeriodOptions): StatsPeriodParams {
  const params: { -readonly [K in keyof StatsPeriodParams]: StatsPeriodParams[K] } = {};
  if (options.range) params.range = options.range;
  if (options.from) params.from = options.from;
  if (options.to) params.to = options.to;
  if (options.limit !== undefined) params.limit = wholeNumber(options.limit, '--limit', { max: 500 });
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

/** The options of a group's default subcommand, laid out as commander lays out its own. */
function optionsOfDefault(command: Command): string {
  const help = command.createHelp();
  const options = help.visibleOptions(command).filter((option) => option.long !== '--help');
  const width = Math.max(...options.map((option) => help.optionTerm(option).length));
  const lines = options.map((option) => `  ${help.optionTerm(option).padEnd(width)}  ${help.optionDescription(option)}`);
  return `\nOptions of "${command.name()}", the default command (aime stats --range week):\n${lines.join('\n')}\n`;
}

const views = () => import('../stats-views.js');

export function registerStatsCommands(program: Command): void {
  const stats = program
    .command('stats')
    .description('listening statistics in the configured time zone: totals, tops, heatmap, sessions, streaks…');

  const summary = periodOptions(stats.command('summary', { isDefault: true }), 'all', 10)
    .description('totals, hours listened, top artists/albums/tracks, daily average, peak hour and weekday (the default)')
    .addHelpText('after', examples('aime stats', 'aime stats --range month', 'aime stats --from 2026-01-01 --to 2026-03-31 --limit 5', 'aime stats --json | jq .topArtists'))
    .action(periodAction('stats.summary', async (cli, result) => (await views()).showSummary(cli.out, result)));
  // `aime stats --range week` runs the summary, so `aime stats --help` must show its options.
  stats.addHelpText('after', () => optionsOfDefault(summary) + examples('aime stats --range year', 'aime stats heatmap', 'aime stats compare --range month', 'aime stats unplayed'));

  periodOptions(stats.command('heatmap'), 'all')
    .description('listens per local hour and weekday, as heat cells')
    .addHelpText('after', examples('aime stats heatmap', 'aime stats heatmap --range year'))
    .action(periodAction('stats.heatmap', async (cli, result) => (await views()).showHeatmap(cli.out, result)));

  periodOptions(stats.command('sessions'), 'all')
    .description('listening sessions (a silence over 30 minutes starts a new one): count, average length, longest')
    .addHelpText('after', examples('aime stats sessions --range month'))
    .action(periodAction('stats.sessions', async (cli, result) => (await views()).showSessions(cli.out, result)));

  periodOptions(stats.command('discovery'), 'month', 10)
    .description('artists and albums heard for the first time in the period')
    .addHelpText('after', examples('aime stats discovery', 'aime stats discovery --range year --limit 20'))
    .action(periodAction('stats.discovery', async (cli, result) => (await views()).showDiscovery(cli.out, result)));

  periodOptions(stats.command('compare'), 'month', 5)
    .description('the period against the same number of days just before it, with changes in %')
    .addHelpText('after', examples('aime stats compare', 'aime stats compare --range week'))
    .action(periodAction('stats.compare', async (cli, result) => (await views()).showComparison(cli.out, result)));

  periodOptions(stats.command('patterns'), 'year', 10)
    .description('artist correlations: pairs heard one straight after the other')
    .addHelpText('after', examples('aime stats patterns', 'aime stats patterns --range all --limit 20'))
    .action(periodAction('stats.patterns', async (cli, result) => (await views()).showPatterns(cli.out, result)));

  periodOptions(stats.command('streaks'), 'all')
    .description('days in a row with listening: longest and current streak, activity sparkline')
    .addHelpText('after', examples('aime stats streaks', 'aime stats streaks --range year'))
    .action(periodAction('stats.streaks', async (cli, result) => (await views()).showStreaks(cli.out, result)));

  withPaging(stats.command('unplayed'), UNPLAYED)
    .description('collection albums never played, oldest purchases first')
    .addHelpText('after', examples('aime stats unplayed', 'aime stats unplayed --limit 100 --json', 'aime stats unplayed --page 2'))
    .action(
      action(async (cli, options: PagingOptions) => {
        const { page, pageSize } = pageRequest(options, UNPLAYED);
        const result = await cli.call('stats.unplayed', { limit: pageSize, page });
        cli.out.data(result);
        if (!cli.out.json) (await views()).showUnplayed(cli.out, result);
      }),
    );
}
