import type { Command } from 'commander';
import { action, examples } from '../action.js';
import { formatNumber } from '../output.js';

export function registerTimelineCommands(program: Command): void {
  program
    .command('timeline')
    .description('one day hour by hour (configured time zone): listens, total, unique artists and albums, peak hour')
    .option('--date <YYYY-MM-DD>', 'the day to show (default: today)')
    .addHelpText('after', examples('aime timeline', 'aime timeline --date 2025-12-24 --json'))
    .action(
      action(async (cli, options: { date?: string }) => {
        const day = await cli.call('listens.timeline', { date: options.date });
        cli.out.data(day);
        const { bold, dim } = cli.out.paint;
        const peak = day.peakHour === null ? '' : ` · peak ${String(day.peakHour).padStart(2, '0')}:00`;
        cli.out.line(bold(`${day.date} (${day.timezone})`) + `  ${formatNumber(day.total)} listens · ${day.uniqueArtists} artists · ${day.uniqueAlbums} albums${peak}`);
        for (const hour of day.hours) {
          cli.out.line('');
          cli.out.line(bold(`${String(hour.hour).padStart(2, '0')}:00`) + dim(`  ${'▇'.repeat(Math.min(40, hour.listens.length))} ${hour.listens.length}`));
          for (const listen of hour.listens) {
            cli.out.line(`  ${listen.time}  ${listen.artist} — ${listen.title}${listen.album ? dim(` (${listen.album})`) : ''}${listen.loved ? ' ♥' : ''}`);
          }
        }
      }),
    );
}
