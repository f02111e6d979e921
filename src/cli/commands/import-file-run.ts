import { basename } from 'node:path';
import type { ExportFormat } from '../../core/imports/formats.js';
import { exportBytes, importExports, type ImportProgress } from '../import-files/import-exports.js';
import type { FileReport, ImportSummary } from '../import-files/import-report.js';
import { formatNumber, plural } from '../output.js';
import { progressReporter } from '../progress.js';
import type { CliRuntime } from '../runtime.js';

/** Record failures shown per file for people (--json lists 20). */
const SHOWN_ERRORS = 5;

/**
 * `aime import file`: reads the exports here, has the daemon store their plays, and reports
 * per file. The first Ctrl-C stops reading and lets the batches on their way be stored; a
 * second one quits at once. Either way a re-run finishes the import exactly.
 */
export async function runFileImport(cli: CliRuntime, paths: readonly string[], options: { format?: ExportFormat; dryRun: boolean }): Promise<ImportSummary> {
  const client = await cli.daemon();
  const stop = new AbortController();
  const onInterrupt = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    cli.out.note('stopping once the batches on their way are stored (Ctrl-C again to quit at once)…');
  };
  process.on('SIGINT', onInterrupt);
  const task = options.dryRun ? 'Reading (dry run)' : 'Importing';
  const progress = await progressReporter(cli.out, task);
  // The bar's total is an estimate: the records of the files read so far, scaled to all their bytes.
  const bytes = showsBar(cli) ? await exportBytes(paths) : 0;
  const show = (now: ImportProgress) => {
    const total = bytes > 0 && now.bytesOfFilesDone > 0 ? Math.max(now.records, Math.round((now.recordsOfFilesDone * bytes) / now.bytesOfFilesDone)) : null;
    progress.update({ requestId: 0, task, done: now.records, total, message: `${plural(now.filesDone, 'file')} done${now.path ? ` · ${basename(now.path)}` : ''}` });
  };
  let summary: ImportSummary;
  try {
    summary = await importExports(paths, { importPlays: (plays, dryRun) => client.call('listens.importPlays', { plays, dryRun }) }, { format: options.format, dryRun: options.dryRun, stop: stop.signal, onProgress: show });
  } finally {
    process.off('SIGINT', onInterrupt);
    await progress.finish();
  }
  report(cli, summary);
  return summary;
}

function showsBar(cli: CliRuntime): boolean {
  return process.stderr.isTTY === true && !cli.out.options.json && !cli.out.options.quiet;
}

function report(cli: CliRuntime, summary: ImportSummary): void {
  const out = cli.out;
  out.data(summary);
  // Broken files and named paths that hold no listens are errors: one line each, whatever the output mode.
  for (const file of summary.files) if (file.error !== undefined) process.stderr.write(`aime: ${file.path}: ${file.error}\n`);
  for (const entry of summary.passedOver) {
    if (entry.named) process.stderr.write(`aime: ${entry.path}: ${entry.reason}\n`);
    else if (!entry.companion) out.note(`passed over ${entry.path}: ${entry.reason}`);
  }
  for (const file of summary.files) {
    if (file.error !== undefined && file.records === 0 && file.imported === 0) continue;
    out.line(fileLine(file, summary.dryRun));
    for (const error of file.errors.slice(0, SHOWN_ERRORS)) out.line(`  record ${formatNumber(error.record)}: ${error.reason}`);
    if (file.failed > SHOWN_ERRORS) out.line(`  … ${plural(file.failed - SHOWN_ERRORS, 'more failed record')} (--json lists the first 20)`);
  }
  const verb = summary.dryRun ? 'would import' : 'imported';
  const files = summary.files.filter((file) => file.error === undefined).length;
  out.line(
    `${verb} ${plural(summary.imported, 'listen')} from ${plural(files, 'file')} (${plural(summary.records, 'record')}): ` +
      `${formatNumber(summary.duplicates)} duplicates, ${formatNumber(summary.skipped)} skipped${reasons(summary.skippedByReason)}, ` +
      `${formatNumber(summary.failed)} failed, in ${(summary.durationMs / 1000).toFixed(1)} s${summary.dryRun ? ' — dry run, nothing stored' : ''}`,
  );
  if (summary.stopped) out.note('stopped by Ctrl-C: run the same command again to finish (nothing is imported twice)');
}

function fileLine(file: FileReport, dryRun: boolean): string {
  const format = file.format ? ` (${file.format})` : '';
  const stored = `${formatNumber(file.imported)} ${dryRun ? 'new' : 'imported'}`;
  return `${file.path}${format}: ${plural(file.records, 'record')} → ${stored}, ${formatNumber(file.duplicates)} duplicates, ${formatNumber(file.skipped)} skipped${reasons(file.skippedByReason)}, ${formatNumber(file.failed)} failed`;
}

function reasons(byReason: Record<string, number>): string {
  const entries = Object.entries(byReason).filter(([, count]) => count > 0);
  return entries.length ? ` (${entries.map(([reason, count]) => `${reason} ${formatNumber(count)}`).join(', ')})` : '';
}
