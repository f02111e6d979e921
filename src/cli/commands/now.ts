import type { Command } from 'commander';
import { UnrecoverableError } from '../../core/errors.js';
import { DaemonClient } from '../client.js';
import { action, examples } from '../action.js';
import type { CliRuntime } from '../runtime.js';
import type { NowAction } from '../views/now-state.js';

export function registerNowCommands(program: Command): void {
  program
    .command('now')
    .description('live now-playing screen for a Roon zone, or what another player reports while no zone plays (keys: space n p s z + - q); --plain prints one line per change')
    .option('--zone <zone>', 'zone name or id (default: config roon.defaultZone, else the zone that plays, or played last)')
    .option('--plain', 'one line per change, for status bars (automatic when stdout is not a terminal)')
    .addHelpText('after', examples('aime now', 'aime now --zone Kitchen', 'aime now --plain   # tmux/waybar status line'))
    .action(
      action(async (cli, options: { zone?: string; plain?: boolean }) => {
        const client = await cli.daemon();
        const followPlaying = options.zone === undefined && !(await defaultZoneSet(cli));
        if (options.plain || cli.out.json || !process.stdout.isTTY || !process.stdin.isTTY) return printChanges(cli, options.zone, followPlaying);
        const [{ render }, React, { NowApp }] = await Promise.all([import('ink'), import('react'), import('../views/now-app.js')]);
        const reconnect = () => DaemonClient.connect(cli.paths.socket);
        const app = render(React.createElement(NowApp, { client, reconnect, zone: options.zone, followPlaying }), { exitOnCtrlC: true });
        await app.waitUntilExit();
      }),
    );
}

/** Whether roon.defaultZone names the zone to show (then the daemon's pick is the one). */
async function defaultZoneSet(cli: CliRuntime): Promise<boolean> {
  const { value } = await cli.call('config.get', { key: 'roon.defaultZone' });
  return typeof value === 'string' && value !== '';
}

/**
 * Plain mode: a line (or, with --json, the zone and what another player plays as one JSON
 * line) each time it changes, from the first Roon snapshot on.
 */
async function printChanges(cli: CliRuntime, zone: string | undefined, followPlaying: boolean): Promise<number> {
  const client = await cli.daemon();
  const [{ subscribeNow }, { startingNowState, nowReducer, plainLine, selectedZone, elsewhereShown }] = await Promise.all([
    import('../views/now-feed.js'),
    import('../views/now-state.js'),
  ]);
  let state = startingNowState(followPlaying);
  let last = '';
  let stop = () => {};
  const ended = new Promise<number>((resolve, reject) => {
    const stopOnSignal = () => resolve(0);
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
    const onChange = (action: NowAction) => {
      state = nowReducer(state, action);
      if (action.type === 'daemon-gone') reject(new UnrecoverableError('the AIME daemon stopped'));
      if ((action.type !== 'snapshot' && action.type !== 'elsewhere') || !state.snapshot) return;
      const line = cli.out.json
        ? JSON.stringify({ connected: state.snapshot.connection.connected, zone: selectedZone(state), elsewhere: elsewhereShown(state) })
        : plainLine(state);
      if (line === last) return;
      last = line;
      process.stdout.write(line + '\n');
    };
    const subscription = subscribeNow({
      client,
      reconnect: () => DaemonClient.connect(cli.paths.socket),
      zone,
      dispatch: onChange,
      onRefused: reject,
      onReconnected: () => cli.out.note('the daemon dropped this connection (updates were left unread); subscribed again'),
    });
    stop = () => subscription.stop();
  });
  return ended.finally(() => stop());
}
