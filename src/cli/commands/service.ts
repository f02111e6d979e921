import type { Command } from 'commander';
import { SERVICE_NAMES } from '../../rpc/methods/service.js';
import { action, examples } from '../action.js';
import { configuredZone, serviceLine } from './status.js';

export function registerServiceCommands(program: Command): void {
  const service = program
    .command('service')
    .description(`start and stop the daemon's services (${SERVICE_NAMES.join(', ')}); the choice survives restarts`)
    .addHelpText('after', examples('aime service list', 'aime service start lastfm-tracker'));

  service
    .command('list')
    .description('each service: wanted on or off, running or not, last run, last error')
    .addHelpText('after', examples('aime service list', 'aime service list --json'))
    .action(
      action(async (cli) => {
        const [{ services }, timezone] = await Promise.all([cli.call('service.list', {}), configuredZone(cli)]);
        cli.out.data({ services });
        for (const item of services) cli.out.line(serviceLine(cli.out, item, timezone));
      }),
    );

  for (const verb of ['start', 'stop'] as const) {
    service
      .command(`${verb} <name>`)
      .description(`${verb} a service and remember it (the daemon ${verb === 'start' ? 'restarts' : 'keeps'} it ${verb === 'start' ? 'at every start' : 'off'})`)
      .addHelpText('after', examples(`aime service ${verb} lastfm-tracker`))
      .action(
        action(async (cli, name: string) => {
          const [status, timezone] = await Promise.all([cli.call(`service.${verb}`, { name }), configuredZone(cli)]);
          cli.out.data(status);
          cli.out.line(serviceLine(cli.out, status, timezone));
        }),
      );
  }
}
