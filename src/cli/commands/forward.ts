import type { Command } from 'commander';
import type { ForwardStatusResult } from '../../rpc/methods/forward.js';
import { action, examples } from '../action.js';
import { inWords, localMoment } from '../moments.js';
import { formatNumber, plural, type Output } from '../output.js';
import { configuredZone } from './status.js';

/** `aime forward …`: the outbox that sends new listens to ListenBrainz. */
export function registerForwardCommands(program: Command): void {
  const forward = program
    .command('forward')
    .description('send new listens to ListenBrainz (forward.listenbrainz.token): queue, backfill, parked listens')
    .addHelpText(
      'after',
      examples('aime config set forward.listenbrainz.token <your ListenBrainz token>', 'aime forward status', 'aime forward backfill --since 2025-01-01'),
    );

  forward
    .command('status')
    .description('listens queued, sent and parked (refused by the target, with the reason), the last error and the last success')
    .addHelpText('after', examples('aime forward status', 'aime forward status --json | jq .queued'))
    .action(
      action(async (cli) => {
        const [status, timezone] = await Promise.all([cli.call('forward.status', {}), configuredZone(cli)]);
        cli.out.data(status);
        printStatus(cli.out, status, timezone);
      }),
    );

  forward
    .command('backfill')
    .description('queue listens played before forwarding was on (from --since); listens already sent, parked or queued are not queued again')
    .requiredOption('--since <date>', 'from this moment: YYYY-MM-DD (local day), ISO date-time or epoch seconds')
    .option('--until <date>', 'up to this moment (a day counts whole)')
    .addHelpText(
      'after',
      examples('aime forward backfill --since 2025-01-01', 'aime forward backfill --since 2024-06-01 --until 2024-06-30 --json') +
        '\nListens read from a ListenBrainz export are never queued: ListenBrainz has them.',
    )
    .action(
      action(async (cli, options: { since: string; until?: string }) => {
        const result = await cli.call('forward.backfill', { since: options.since, ...(options.until === undefined ? {} : { until: options.until }) });
        cli.out.data(result);
        cli.out.line(`${plural(result.queued, 'listen')} queued; ${formatNumber(result.queueLength)} waiting in all`);
      }),
    );

  forward
    .command('retry')
    .description('queue the parked listens again, and try now (also after a refused token was replaced)')
    .addHelpText('after', examples('aime forward retry', 'aime forward retry --json'))
    .action(
      action(async (cli) => {
        const result = await cli.call('forward.retry', {});
        cli.out.data(result);
        cli.out.line(`${plural(result.requeued, 'parked listen')} queued again; ${formatNumber(result.queueLength)} waiting in all`);
      }),
    );
}

function printStatus(out: Output, status: ForwardStatusResult, timezone: string): void {
  const { bold, dim, red, green, yellow } = out.paint;
  const state = !status.enabled
    ? yellow('off (forward.listenbrainz.token is not set)')
    : status.halted
      ? red('stopped: the target refused the token')
      : status.running
        ? green('sending')
        : dim('service stopped (aime service start forward)');
  out.line(`${bold('Forwarding')} to ${status.target}: ${state}`);
  out.line(`  ${formatNumber(status.queued)} queued · ${formatNumber(status.sent)} sent · ${formatNumber(status.failed)} parked`);
  if (status.lastSentAt) out.line(`  last sent ${localMoment(status.lastSentAt, timezone)}`);
  if (status.lastError) out.line(`  ${red('last error')} ${status.lastErrorAt ? dim(`(${localMoment(status.lastErrorAt, timezone)}) `) : ''}${status.lastError}`);
  if (status.nextAttemptAt) out.line(`  next try ${inWords(status.nextAttemptAt)}`);
  if (status.parked.length) {
    out.line(bold(status.failed > status.parked.length ? `Parked (the last ${status.parked.length})` : 'Parked'));
    // One listen per line, the reason whole: it is what the person came to read.
    for (const listen of status.parked) {
      out.line(`  ${dim(`#${listen.id}`)} ${listen.artist} — ${listen.title} ${dim(`(played ${localMoment(listen.playedAt, timezone)})`)}: ${listen.reason}`);
    }
    out.note('aime forward retry queues them again');
  }
}
