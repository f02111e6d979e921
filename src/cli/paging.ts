import { Option, type Command } from 'commander';
import { UserError } from '../core/errors.js';
import { wholeNumber } from './arguments.js';
import type { Output } from './output.js';
import { formatNumber } from './output.js';

/** How one list command pages: what it lists, and its page sizes. */
export interface PagingRule {
  /** Plural, as in "albums per page". */
  readonly noun: string;
  readonly defaultSize: number;
  readonly maxSize: number;
}

export interface PagingOptions {
  readonly limit?: string;
  readonly page?: string;
  /** The first name of --limit on `collection list|search`, still accepted. */
  readonly pageSize?: string;
}

const LAST_PAGE = 1_000_000_000;

/**
 * `-n, --limit N` and `--page N`, the same on every list command; `--page-size` stays as a
 * hidden alias of --limit. Defaults are applied in pageRequest, not by commander, so help
 * states each default once.
 */
export function withPaging(command: Command, rule: PagingRule): Command {
  return command
    .option('-n, --limit <n>', `${rule.noun} per page (1–${rule.maxSize}, default ${rule.defaultSize})`)
    .option('--page <n>', 'page number (default 1)')
    .addOption(new Option('--page-size <n>', 'the same as --limit').hideHelp());
}

/** The page asked for, each number checked with the one rule for whole numbers (exit 2). */
export function pageRequest(options: PagingOptions, rule: PagingRule): { page: number; pageSize: number } {
  if (options.limit !== undefined && options.pageSize !== undefined && options.limit !== options.pageSize) {
    throw new UserError('--limit and --page-size are the same option: give one');
  }
  const size = options.limit ?? options.pageSize;
  const name = options.limit === undefined && options.pageSize !== undefined ? '--page-size' : '--limit';
  return {
    page: options.page === undefined ? 1 : wholeNumber(options.page, '--page', { max: LAST_PAGE }),
    pageSize: size === undefined ? rule.defaultSize : wholeNumber(size, name, { max: rule.maxSize }),
  };
}

/** The line under a page (stderr): where we are, or that the page is past the end. */
export function notePage(out: Output, page: { total: number; page: number; pageSize: number; items: unknown[] }, noun: string): void {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (page.items.length === 0 && page.total > 0) out.line(`page ${page.page} is past the end (${pages} pages, ${formatNumber(page.total)} ${noun})`);
  else out.note(`page ${formatNumber(page.page)} of ${formatNumber(pages)} · ${formatNumber(page.total)} ${noun}`);
}
