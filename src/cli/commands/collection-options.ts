import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { pageRequest, withPaging, type PagingOptions, type PagingRule } from '../paging.js';
import { SUPPORTS } from '../../core/collection/model.js';
import { parseSupport } from '../../core/collection/support.js';
import type { AlbumScopeName, AlbumSortName, CollectionListParams, SupportName } from '../../rpc/methods/collection.js';

const SCOPES: readonly AlbumScopeName[] = ['owned', 'listened', 'all'];
const SORTS: readonly AlbumSortName[] = ['artist', 'title', 'year', 'added', 'plays'];
const PAGING: PagingRule = { noun: 'albums', defaultSize: 30, maxSize: 500 };

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
  return withPaging(command, PAGING)
    .option('--support <support>', `vinyl, cd, cassette, digital or other`)
    .option('--year <year>', 'a year (1977) or a range (1970-1979)')
    .option('--artist <name>', 'albums by this artist (any spelling: case, accents, "The")')
    .option('--genre <genre>', 'a Discogs genre or style, e.g. Jazz or "Hard Bop"')
    .option('--soundtrack', 'only soundtracks')
    .option('--no-soundtrack', 'no soundtracks')
    .option('--scope <scope>', 'owned (in the collection), listened (played, not owned) or all', defaultScope)
    .option('--sort <key>', SORTS.join(', '), 'artist')
    .option('--desc', 'reverse the order');
}

export interface ListOptions extends PagingOptions {
  support?: string; year?: string; artist?: string; genre?: string; soundtrack?: boolean; scope: string; sort: string;
  desc?: boolean;
}

export function listParams(options: ListOptions): CollectionListParams {
  return {
    scope: oneOf(options.scope, SCOPES, '--scope'),
    sort: oneOf(options.sort, SORTS, '--sort'),
    descending: options.desc === true,
    ...pageRequest(options, PAGING),
    ...(options.support ? { support: support(options.support) } : {}),
    ...(options.year ? yearRange(options.year) : {}),
    ...(options.artist ? { artist: options.artist } : {}),
    ...(options.genre ? { genre: options.genre } : {}),
    ...(options.soundtrack === undefined ? {} : { soundtrack: options.soundtrack }),
  };
}
