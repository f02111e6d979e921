/**
 * One page of a longer list: the shape every list command's `--json` shares (SPEC §5:
 * `{items, total, page, pageSize}`), whatever else it keeps for older readers.
 */
export interface Page<T> {
  readonly items: T[];
  /** Everything that matches, on all pages. */
  readonly total: number;
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
}

export interface PageRequest {
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
}

/** How many rows come before the page. */
export function pageOffset(request: PageRequest): number {
  return (request.page - 1) * request.pageSize;
}
