import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { wholeNumber } from '../arguments.js';
import { SUPPORTS } from '../../core/collection/model.js';
import { parseSupport } from '../../core/collection/support.js';
import type { AlbumScopeName, AlbumSortName, CollectionListParams, SupportName } from '../../rpc/methods/collection.js';

const SCOPES: readonly AlbumScopeName[] = ['owned', 'listened', 'all'];
const SORTS: readonly AlbumSortName[] = ['artist', 'title', 'year', 'added', 'plays'];


/** "1977" or "1970-1979". */
export function yearRange(text: string): { yearFrom: number; yearTo: number } {
  const match = /^(\d{4})(?:\s*[-–.]{1,2}\s*(\d{4}))?$/.exec(text.trim());
  if (!match) throw new UserError(`--year must be a year (1977) or a range (1970-1979), got "${text}"`);
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  if (to < from) throw new UserError(`--year range ends before it starts: "${text}"`);
  return { yearFrom: from, yearTo: to };
}

export function support(text: string): SupportName {
  const known = parseSupport(text);
  if (!known) throw new UserError(`--support must be one of ${SUPPORTS.join(', ')} (got "${text}")`);
  return known;
}

function oneOf<T extends string>(text: string, allowed: readonly T[], name: string): T {
  if (!allowed.includes(text as T)) throw new UserError(`${name} must be one of ${allowed.join(', ')} (got "${text}")`);
  return text as T;
}

/** The filters, paging and sort shared by `collection list` and `collection search`. */
export function withListOptions(command: Command, defaultScope: AlbumScopeName): Command {
  return command
    .option('--support <support>', `vinyl, cd, cassette, digital or other`)
    .option('--year <year>', 'a year (1977) or a range (1970-1979)')
    .option('--artist <name>', 'albums by this artist (any spelling: case, accents, "The")')
    .option('--genre <genre>', 'a Discogs genre or style, e.g. Jazz or "Hard Bop"')
    .option('--soundtrack', 'only soundtracks')
    .option('--no-soundtrack', 'no soundtracks')
    .option('--scope <scope>', `owned (in the collection), listened (played, not owned) or all (default ${defaultScope})`, defaultScope)
    .option('--sort <key>', `${SORTS.join(', ')} (default artist)`, 'artist')
    .option('--desc', 'reverse the order')
    .option('--page <n>', 'page number (default 1)', '1')
    .option('--page-size <n>', 'albums per page (default 30, at most 500)', '30');
}

export interface ListOptions {
  support?: string; year?: string; artist?: string; genre?: string; soundtrack?: boolean; scope: string; sort: string;
  desc?: boolean; page: string; pageSize: string;
}

export function listParams(options: ListOptions): CollectionListParams {
  const pageSize = wholeNumber(options.pageSize, '--page-size');
  if (pageSize > 500) throw new UserError('--page-size must be at most 500');
  return {
    scope: oneOf(options.scope, SCOPES, '--scope'),
    sort: oneOf(options.sort, SORTS, '--sort'),
    descending: options.desc === true,
    page: wholeNumber(options.page, '--page'),
    pageSize,
    ...(options.support ? { support: support(options.support) } : {}),
    ...(options.year ? yearRange(options.year) : {}),
    ...(options.artist ? { artist: options.artist } : {}),
    ...(options.genre ? { genre: options.genre } : {}),
    ...(options.soundtrack === undefined ? {} : { soundtrack: options.soundtrack }),
  };
}
