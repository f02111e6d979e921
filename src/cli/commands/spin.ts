import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import type { SpinParams, SpinResult } from '../../rpc/methods/spins.js';
import { action, examples } from '../action.js';
import { wholeNumber } from '../arguments.js';
import type { CliRuntime } from '../runtime.js';

interface SpinOptions {
  side?: string;
  tracks?: string;
  ended?: string;
  started?: string;
  minutes?: string;
  copy?: string;
  again?: boolean;
  dryRun?: boolean;
}

export function registerSpinCommands(program: Command): void {
  program
    .command('spin <album>')
    .description('log a record played on the turntable (or a CD, a cassette) from the collection: one listen per track, from its Discogs tracklist')
    .option('--side <side>', 'only this side: A, B… (tracks whose position starts with it), or a disc number of a multi-disc set')
    .option('--tracks <range>', 'only tracks N or N-M of the side (or of the record when no --side), counted from 1')
    .option('--ended <time>', 'when the last track ended: 21:40, "25 min ago", 2026-03-01T21:40, epoch seconds (default: now)')
    .option('--started <time>', 'or when the first track started (same forms)')
    .option('--minutes <n>', 'how long the chosen tracks lasted, when the tracklist lacks durations (shared evenly by the tracks without one)')
    .option('--copy <id>', 'which copy, when you own several (ids in aime collection show)')
    .option('--again', 'record a second play although the same spin was recorded less than a minute ago (laid back to back before it)')
    .option('--dry-run', 'show the listens it would record, store nothing')
    .addHelpText(
      'after',
      `\n<album> is an album id (aime collection search …) or "artist - title" (case, accents, "The" and
edition suffixes do not matter). The listens are laid back to back from the tracklist's durations so
that the last one ends at --ended (default now). The source is vinyl, or cd / cassette from the copy's
format; digital copies are refused (their player records its plays).
${examples(
  'aime spin 42                                   # the whole record, just finished',
  'aime spin "Miles Davis - Kind of Blue" --side A',
  'aime spin 42 --side B --tracks 1-3 --ended 21:40',
  'aime spin 42 --started "45 min ago"',
  'aime spin 77 --side A --minutes 21            # a tracklist without durations',
  'aime spin 42 --dry-run --json',
)}`,
    )
    .action(
      action(async (cli, album: string, options: SpinOptions) => {
        // Asking Discogs is paced and may take a moment: say so on a terminal.
        const onNotification = (method: string, params: unknown) => {
          const message = (params as { task?: string; message?: string }).message;
          if (method === 'progress' && process.stderr.isTTY && message) cli.out.note(`${message}…`);
        };
        const result = await cli.call('spins.record', spinParams(album, options), { onNotification });
        cli.out.data(result);
        printSpin(cli, result, options);
      }),
    );
}

function spinParams(album: string, options: SpinOptions): SpinParams {
  if (options.ended !== undefined && options.started !== undefined) throw new UserError('give --ended or --started, not both');
  return {
    album,
    ...(options.side !== undefined ? { side: options.side } : {}),
    ...(options.tracks !== undefined ? trackRange(options.tracks) : {}),
    ...(options.ended !== undefined ? { ended: options.ended } : {}),
    ...(options.started !== undefined ? { started: options.started } : {}),
    ...(options.minutes !== undefined ? { minutes: wholeNumber(options.minutes, '--minutes', { min: 1, max: 1440 }) } : {}),
    ...(options.copy !== undefined ? { copyId: wholeNumber(options.copy, '--copy') } : {}),
    ...(options.again ? { again: true } : {}),
    ...(options.dryRun ? { dryRun: true } : {}),
  };
}

/** "3" → 3 to 3, "1-4" → 1 to 4. */
function trackRange(text: string): { first: number; last: number } {
  const [from, to, ...rest] = text.split('-').map((part) => part.trim());
  if (from === undefined || from === '' || rest.length || to === '') throw new UserError(`--tracks must be N or N-M, e.g. 1-4 (got "${text}")`);
  const first = wholeNumber(from, '--tracks', { min: 1, max: 999 });
  const last = to === undefined ? first : wholeNumber(to, '--tracks', { min: 1, max: 999 });
  if (first > last) throw new UserError(`--tracks ${text}: the first track comes after the last`);
  return { first, last };
}

function printSpin(cli: CliRuntime, result: SpinResult, options: SpinOptions): void {
  cli.out.table(
    ['id', 'when', 'pos', 'artist', 'title', 'length'],
    result.listens.map((listen) => [listen.id ?? '', listen.localTime, listen.position, listen.artist, listen.title, `${length(listen.seconds)}${listen.durationKnown ? '' : '*'}`]),
  );
  const part = options.side ? `side ${options.side.toUpperCase()} of ` : '';
  const what = `${part}“${result.album}” by ${result.artist} (${result.source})`;
  if (result.listens.some((listen) => !listen.durationKnown)) cli.out.note('* a share of --minutes: the tracklist gives no duration');
  if (result.dryRun) {
    cli.out.line(`would record ${result.listens.length} listens of ${what} — nothing stored (--dry-run)`);
    return;
  }
  const already = result.alreadyStored ? `; ${result.alreadyStored} were already stored` : '';
  cli.out.line(`recorded ${result.recorded} listens of ${what}${already}`);
}

function length(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
