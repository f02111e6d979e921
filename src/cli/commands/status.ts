import type { Command } from 'commander';
import type { ServiceStatus, StatusResult } from '../../rpc/methods/system.js';
import { action, examples } from '../action.js';
import { ExitCode } from '../exit.js';
import { formatDuration, formatNumber, type Output } from '../output.js';
import type { CliRuntime } from '../runtime.js';
import { inWords, localMoment } from '../moments.js';

/** `aime status`; also run without commander for a plain `aime status` (src/cli/plain-status.ts). */
export async function showStatus(cli: CliRuntime): Promise<void> {
  const status = await cli.call('system.status', {});
  cli.out.data(status);
  printStatus(cli.out, status, status.timezone);
}

export function registerStatusCommands(program: Command): void {
  program
    .command('status')
    .description('show the daemon, the database and every service at a glance')
    .addHelpText('after', examples('aime status', 'aime status --json | jq .services'))
    .action(
      action(showStatus),
    );

  program
    .command('health')
    .description('exit 0 only when the daemon answers and its database takes writes (for monitoring)')
    .addHelpText('after', examples('aime health && echo ok'))
    .action(
      action(async (cli) => {
        const health = await cli.call('system.health', {});
        cli.out.data(health);
        cli.out.line(health.ok ? 'ok' : `unhealthy: database not writable (${health.db.error ?? 'unknown'})`);
        return health.ok ? ExitCode.Ok : ExitCode.Failed;
      }),
    );
}

/** The daemon's time zone (config key timezone, else the system's), in which times are shown. */
export async function configuredZone(cli: CliRuntime): Promise<string> {
  return String((await cli.call('config.get', { key: 'timezone' })).value);
}

function printStatus(out: Output, status: StatusResult, timezone: string): void {
  const { bold, dim } = out.paint;
  out.line(`${bold(`AIME ${status.version}`)}  daemon up ${formatDuration(status.uptimeSeconds)} ${dim(`(pid ${status.pid})`)}`);
  const { db } = status;
  out.line(`${bold('Database')}  ${db.path}`);
  out.line(`          ${formatNumber(db.listens)} listens · ${formatNumber(db.albums)} albums · ${formatNumber(db.artists)} artists · ${formatNumber(db.tracks)} tracks`);
  out.line(bold('Services'));
  for (const service of Object.values(status.services)) out.line(`  ${serviceLine(out, service, timezone)}`);
  const roon = status.roon;
  out.line(`${bold('Roon')}      ${roon.connected ? `connected to ${roon.coreName ?? 'Core'} · ${roon.zones} zones` : 'not connected'}`);
}

/** One service: its state, the last run in local time and, while it runs, when it acts next. */
export function serviceLine(out: Output, service: ServiceStatus, timezone: string, nowMs = Date.now()): string {
  const { green, red, yellow, dim } = out.paint;
  const mark = service.running ? green('● running') : service.state === 'not-configured' ? yellow('! not configured') : service.state === 'failed' ? red('✗ failed') : dim('○ stopped');
  const wish = service.active && !service.running && service.state !== 'not-configured' ? dim(' (wanted on)') : '';
  const last = service.lastRunAt ? dim(` last run ${localMoment(service.lastRunAt, timezone)}`) : '';
  const next = service.running ? nextRun(service) : null;
  const coming = next ? dim(` · next ${service.name === 'lastfm-tracker' ? 'poll' : 'run'} ${inWords(next, nowMs)}`) : '';
  const error = service.lastError ? `  ${dim(service.lastError)}` : '';
  // Where a listening service can be reached (the HTTP listener's URL).
  const url = service.running && typeof service.details?.['url'] === 'string' ? ` on ${service.details['url']}` : '';
  return `${service.name.padEnd(15)} ${mark}${url}${wish}${last}${coming}${error}`;
}

/** The next run a service reports in its details (ISO), under either name it may use. */
function nextRun(service: ServiceStatus): string | null {
  const next = service.details?.['nextRunAt'] ?? service.details?.['nextPollAt'];
  return typeof next === 'string' ? next : null;
}
