import type { Command } from 'commander';
import { action, examples } from '../action.js';

export function registerDaemonCommands(program: Command): void {
  program
    .command('daemon')
    .description('run the AIME daemon in the foreground (systemd runs this): trackers, scheduler, socket')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace (default: config log.level)')
    .addHelpText('after', examples('aime daemon', 'AIME_HOME=/var/lib/aime aime daemon --log-level debug'))
    .action(
      action(async (cli, options: { logLevel?: string }) => {
        const { runDaemon } = await import('../../daemon/main.js');
        return runDaemon({ home: cli.options.home, socket: cli.options.socket, logLevel: options.logLevel });
      }),
    );
}
