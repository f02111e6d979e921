import type { IncomingHttpHeaders } from 'node:http';

/** One request as a route sees it. The body is read only by routes that want it, and capped. */
export interface RouteRequest {
  readonly method: string;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly remoteAddress: string;
  /** The whole body; throws BodyTooLarge with `tooLarge` as its message past `maxBytes` (without reading the rest). */
  body(maxBytes: number, tooLarge: string): Promise<Uint8Array>;
}

export interface Reply {
  readonly status: number;
  /** Sent as JSON, unless `text` is given. */
  readonly json?: unknown;
  readonly text?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Close the connection after this reply (a body left unread is not worth reading). */
  readonly close?: boolean;
  /** The error behind a 5xx answer, for the daemon's log; never sent. */
  readonly fault?: unknown;
}

export interface Route {
  readonly method: 'GET' | 'POST';
  /** "/1/user/:name/listens": `:name` segments become params. */
  readonly path: string;
  /** How metrics and logs name the route (never the raw URL, which may carry ?token=); defaults to `path`. */
  readonly name?: string;
  handle(request: RouteRequest): Promise<Reply> | Reply;
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'wrong-method'; readonly name: string; readonly allowed: readonly string[] }
  | { readonly kind: 'none' };

interface Compiled {
  readonly route: Route;
  readonly segments: readonly string[];
}

/**
 * The listener's route table: a handful of fixed paths, matched segment by segment. Paths
 * are read leniently — repeated and trailing slashes are ignored — because clients build
 * them by gluing a configured base URL to "/1/…".
 */
export class RouteTable {
  private readonly compiled: Compiled[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: segmentsOf(route.path) }));
  }

  match(method: string, pathname: string): RouteMatch {
    const segments = segmentsOf(pathname);
    // HEAD is a GET whose body Node does not send (uptime checkers use it).
    const wanted = method === 'HEAD' ? 'GET' : method;
    const allowed: Route[] = [];
    for (const { route, segments: pattern } of this.compiled) {
      const params = matchSegments(pattern, segments);
      if (!params) continue;
      if (route.method === wanted) return { kind: 'found', route, params };
      allowed.push(route);
    }
    if (!allowed.length) return { kind: 'none' };
    return { kind: 'wrong-method', name: allowed[0]!.name ?? allowed[0]!.path, allowed: [...new Set(allowed.map((route) => route.method))] };
  }
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index]!;
    const actual = segments[index]!;
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (expected !== actual) return undefined;
  }
  return params;
}

/** The same routes under each prefix: ListenBrainz clients use "/1/…" or "/apis/listenbrainz/1/…". */
export function underPrefixes(prefixes: readonly string[], routes: readonly Route[]): Route[] {
  return prefixes.flatMap((prefix) => routes.map((route) => ({ ...route, name: route.name ?? route.path, path: `${prefix}${route.path}` })));
}
