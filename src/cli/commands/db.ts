import { resolve } from 'node:path';
import type { Command } from 'commander';
import { action, examples } from '../action.js';
import { formatNumber } from '../output.js';

export function registerDbCommands(program: Command): void {
  const db = program
    .command('db')
    .description('the SQLite database: schema state, migrations, online backup')
    .addHelpText('after', examples('aime db status', 'aime db backup ~/aime-backup.db'));

  db.command('status')
    .description('path, size, journal mode, applied and pending migrations, rows per table')
    .addHelpText('after', examples('aime db status'))
    .action(
      action(async (cli) => {
        const status = await cli.call('db.status', {});
        cli.out.data(status);
        cli.out.line(`${status.path}  ${formatNumber(Math.round(status.sizeBytes / 1024))} KiB  journal ${status.journalMode}`);
        cli.out.line(`migrations: ${status.applied.length} applied, ${status.pending.length} pending${status.pending.length ? ` (${status.pending.join(', ')})` : ''}`);
        cli.out.table(['table', 'rows'], Object.entries(status.counts).map(([table, rows]) => [table, formatNumber(rows)]));
      }),
    );

  db.command('migrate')
    .description('apply pending migrations now (the daemon also does it at start)')
    .addHelpText('after', examples('aime db migrate'))
    .action(
      action(async (cli) => {
        const result = await cli.call('db.migrate', {});
        cli.out.data(result);
        cli.out.line(result.applied.length ? `applied: ${result.applied.join(', ')}` : 'up to date');
      }),
    );

  db.command('backup <file>')
    .description('consistent copy of the database while the daemon keeps running (SQLite online backup)')
    .addHelpText('after', examples('aime db backup /mnt/backup/aime-$(date +%F).db'))
    .action(
      action(async (cli, file: string) => {
        const result = await cli.call('db.backup', { file: resolve(file) });
        cli.out.data(result);
        cli.out.line(`backup written: ${result.file} (${formatNumber(Math.round(result.bytes / 1024))} KiB in ${result.durationMs} ms)`);
      }),
    );
}
