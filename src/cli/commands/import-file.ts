import type { Command } from 'commander';
import { EXPORT_FORMATS, FORMAT_TITLES } from '../../core/imports/formats.js';
import { action, examples } from '../action.js';
import { oneOf } from '../arguments.js';
import { ExitCode } from '../exit.js';

const FORMAT_CHOICES = ['auto', ...EXPORT_FORMATS] as const;

const FORMATS_HELP = `
Formats (--format auto recognises each file by its name and content; a file it does not
know is reported, never guessed):
${EXPORT_FORMATS.map((format) => `  ${format.padEnd(16)} ${FORMAT_TITLES[format]}`).join('\n')}
A path may be a file, a folder (read with everything under it) or a ZIP (read in place,
never unpacked to disk): my_spotify_data.zip, a ListenBrainz export ZIP, a Maloja export.`;

const RULES_HELP = `
Rules:
  - Spotify: a stream is a listen when it is music (track and artist named) and was played
    30 s or more. Podcasts, audiobooks, videos, incognito and shorter streams are skipped,
    counted by reason. A listen's time is the stream's START: ts − ms_played, or
    offline_timestamp when Spotify recorded one.
  - Importing the same files again adds nothing; two downloads that overlap add only the
    streams the first did not have.
  - Across sources one play is one listen: a stream also scrobbled to Last.fm (same title,
    same artist — Roon's "A / B" and Last.fm's "A" count as the same — starting within 90 s;
    10 minutes between Roon and a scrobbler) is stored once. A short song played twice in a
    row stays two listens.
  - A record with no time, a date before 2002-10-01 or in the future, or no artist or title
    fails and is listed (--json: the first 20 per file); the rest of its file imports.
  - A file that is not valid JSON, CSV or ZIP is named with the line or byte where it
    breaks, and nothing of it is stored; the other files still import (exit 2).
Where it runs: this command reads the files with your own permissions and sends their
plays to the daemon, the only writer (it may run as the systemd service, which cannot read
your home). --dry-run reads everything and has the daemon work out what it would store in
transactions it rolls back: nothing is written (plays repeated between two files of one dry
run count as new in both). Ctrl-C stops once the batches on their way are stored (exit 130); the same
command again finishes the job, doubling nothing.
Exit codes: 0 done; 2 a path named is not an export, or a file is broken; 1 anything else.`;

export function registerFileImport(parent: Command): void {
  parent
    .command('file')
    .description('import listening exports: Spotify (extended or account history), Last.fm CSV/JSON, ListenBrainz, Maloja — files, folders or ZIPs; re-running adds nothing')
    .argument('<path...>', 'files, folders or ZIPs to read')
    .option('--format <format>', `read every file as this format: ${FORMAT_CHOICES.join(', ')}`, 'auto')
    .option('--dry-run', 'read and count what would be imported, store nothing')
    .addHelpText(
      'after',
      FORMATS_HELP +
        '\n' +
        RULES_HELP +
        '\n' +
        examples(
          'aime import file ~/Downloads/my_spotify_data.zip',
          'aime import file "Spotify Extended Streaming History/" --dry-run',
          'aime import file recenttracks-me-1749776100.csv listenbrainz_me_1749780844.zip --json',
          'aime import file StreamingHistory_music_0.json --format spotify-account',
        ),
    )
    .action(
      action(async (cli, paths: string[], options: { format: string; dryRun?: boolean }) => {
        const chosen = oneOf(options.format, FORMAT_CHOICES, '--format');
        const { runFileImport } = await import('./import-file-run.js');
        const summary = await runFileImport(cli, paths, { format: chosen === 'auto' ? undefined : chosen, dryRun: options.dryRun === true });
        if (summary.stopped) return ExitCode.Interrupted;
        const bad = summary.files.some((file) => file.error !== undefined) || summary.passedOver.some((entry) => entry.named);
        return bad ? ExitCode.BadUsage : ExitCode.Ok;
      }),
    );
}
