import type { Command } from 'commander';
import type { RpcNotifications } from '../../rpc/contract.js';
import type { WrappedParams, WrappedReport } from '../../rpc/methods/wrapped.js';
import { action, examples } from '../action.js';
import { wholeNumber } from '../arguments.js';
import { formatNumber } from '../output.js';
import { progressReporter } from '../progress.js';
import type { CliRuntime } from '../runtime.js';

interface WrappedOptions {
  from?: string;
  to?: string;
  html?: string;
  /** false with --no-ai */
  ai: boolean;
  force?: boolean;
}

/** Where the page went, for --json and the confirmation line. */
interface WrittenPage {
  readonly file: string;
  readonly bytes: number;
  readonly covers: number;
  readonly coversWanted: number;
}

/**
 * `aime wrapped`: the daemon counts (the same figures as `aime stats`) and settles the AI
 * paragraph within wrapped.aiWaitSeconds; the CLI shows the year, or with --html renders the
 * page here (the renderer is loaded only then) with the covers the daemon fetched, and writes
 * it as the user running the command, like `aime export --out`.
 */
export function registerWrappedCommands(program: Command): void {
  program
    .command('wrapped')
    .description('your year in review: listens, hours, tops, months, heatmap, sessions, discoveries, the collection, spins, album of the year and an AI paragraph')
    .argument('[year]', 'a calendar year (default: the current year until today, in the configured time zone)')
    .option('--from <date>', 'or any period: first local day included (YYYY-MM-DD)')
    .option('--to <date>', 'last local day included (YYYY-MM-DD; default today)')
    .option('--html <file>', 'write the year as one self-contained HTML page (inline CSS and SVG, covers embedded, opens offline) to FILE, atomically, with your own permissions')
    .option('--no-ai', 'no AI paragraph, and no wait for one')
    .option('--force', 'ask the AI for a new paragraph even when one is stored for the same figures')
    .addHelpText(
      'after',
      '\nThe AI paragraph is written only when the AI is configured; the figures never wait longer than\n'
        + 'wrapped.aiWaitSeconds for it (the AI goes on writing, and the next run shows it). Covers come from\n'
        + 'the stored cover URLs, a few seconds at most; offline, the page has lettered tiles instead.\n'
        + examples('aime wrapped', 'aime wrapped 2025 --html ~/wrapped-2025.html', 'aime wrapped --from 2026-06-01 --to 2026-08-31 --no-ai', 'aime wrapped 2025 --json | jq .topArtists'),
    )
    .action(
      action(async (cli, year: string | undefined, options: WrappedOptions) => {
        const params: WrappedParams = {
          ...(year !== undefined ? { year: wholeNumber(year, 'YEAR', { min: 1970, max: 9999 }) } : {}),
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
          ai: options.ai,
          force: options.force === true,
        };
        // A terminal sees the steps (counting, the AI's wait, covers); a pipe or cron gets only the result.
        const progress = process.stderr.isTTY ? await progressReporter(cli.out, 'year in review') : { update: () => undefined, finish: async () => undefined };
        let report: WrappedReport;
        let page: WrittenPage | undefined;
        try {
          report = await cli.call('wrapped.report', params, {
            onNotification: (method, notice) => method === 'progress' && progress.update(notice as RpcNotifications['progress']),
          });
          if (options.html !== undefined) page = await writePage(cli, report, options.html, (done, total) => progress.update({ requestId: 0, task: 'covers', done, total }));
        } finally {
          await progress.finish();
        }
        if (report.paragraph.message) cli.out.note(`aime: ${report.paragraph.message}`);
        cli.out.data(page ? { ...report, page } : report);
        if (cli.out.json) return;
        if (page) {
          cli.out.line(`wrote ${page.file} (${formatNumber(Math.round(page.bytes / 1024))} KB, ${page.covers} of ${page.coversWanted} covers)`);
          return;
        }
        const { wrappedView } = await import('../wrapped-view.js');
        for (const line of wrappedView(report)) cli.out.line(line);
      }),
    );
}

/** Gathers the covers through the daemon (one request each, a few at a time, one deadline), renders and writes the page. */
async function writePage(cli: CliRuntime, report: WrappedReport, target: string, onCovers: (done: number, total: number) => void): Promise<WrittenPage> {
  const [{ gatherCovers, pageCovers }, { renderWrappedPage }, { shownDateTime }, { writeUserFile }, { resolve }] = await Promise.all([
    import('../../core/wrapped/cover-fetch.js'),
    import('../../core/wrapped/page/render.js'),
    import('../../core/time/shown.js'),
    import('../files.js'),
    import('node:path'),
  ]);
  const wanted = pageCovers(report);
  const covers = await gatherCovers(wanted, {
    cover: async (album) => {
      const cover = await cli.call('wrapped.cover', { albumId: album.albumId });
      return cover.data === null ? null : Buffer.from(cover.data, 'base64');
    },
  }, { onProgress: onCovers });
  const content = renderWrappedPage(report, { covers, generatedAt: shownDateTime(Date.now(), report.timezone) });
  const file = resolve(target);
  writeUserFile(file, content);
  return { file, bytes: Buffer.byteLength(content), covers: covers.size, coversWanted: wanted.length };
}
