import { AuthError, NotFoundError, UserError } from '../../core/errors.js';
import { lenientInteger } from '../../core/listenbrainz/lenient-values.js';
import { DEFAULT_LISTENS_PER_GET, MAX_LISTENS_PER_GET, MAX_PAYLOAD_SIZE } from '../../core/listenbrainz/limits.js';
import type { NowPlayingTrack } from '../../core/listenbrainz/playing-now.js';
import type { SubmittedTrack } from '../../core/listenbrainz/listen-rules.js';
import { playFromListen } from '../../core/listenbrainz/plays.js';
import type { ApiTokenRecord, ListenWindow, RecentListens } from '../../core/listenbrainz/ports.js';
import { listensReply, playingNowReply } from '../../core/listenbrainz/responses.js';
import { readSubmission } from '../../core/listenbrainz/submission.js';
import type { IngestSummary, PlayReport } from '../../core/model.js';
import type { Clock } from '../../core/ports.js';
import { GroupCommit } from '../group-commit.js';
import type { DaemonMetrics } from '../metrics/daemon-metrics.js';
import { errorBody, errorReply } from './replies.js';
import { rateLimitHeaders, type RateLimiter } from './rate-limit.js';
import { underPrefixes, type Reply, type Route, type RouteRequest } from './routes.js';

/** Plays of the submissions stored in one transaction at most: a group never holds the writer for long. */
const MAX_PLAYS_PER_GROUP = 5000;

type Submissions = GroupCommit<readonly PlayReport[], void>;

export interface ListenbrainzApiDeps {
  readonly tokens: { verify(token: string): ApiTokenRecord | undefined };
  /** The daemon's ListenIngest: the one way plays become listens. */
  readonly ingest: { record(plays: readonly PlayReport[]): Promise<IngestSummary> };
  readonly playingNow: { report(track: SubmittedTrack): void; current(): NowPlayingTrack | undefined };
  readonly recentListens: RecentListens;
  /** The one user this server knows (validate-token's user_name, the <name> of user routes). */
  readonly userName: () => string;
  readonly clock: Clock;
  readonly rateLimiter: RateLimiter;
  readonly metrics: DaemonMetrics;
}

/** Where ListenBrainz clients expect the API: the server's own root, and Maloja's/Koito's compatible path. */
export const LISTENBRAINZ_PREFIXES = ['', '/apis/listenbrainz'];

/** What the Authorization header says, read as the real server reads it ("<scheme> <token>"). */
type Caller =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'known'; readonly record: ApiTokenRecord };

/**
 * The ListenBrainz API subset: submit-listens, validate-token, playing-now and listens,
 * each rate limited like the real server (the X-RateLimit-* headers on every answer).
 */
export function listenbrainzRoutes(deps: ListenbrainzApiDeps): Route[] {
  // Submissions that finish arriving together are stored in one transaction. Each was checked
  // whole before it joins a group, so a refused one still stores nothing; a group that fails
  // fails every submission in it (all safe to resend: the same play is stored once).
  const batcher: Submissions = new GroupCommit(
    async (groups) => {
      await deps.ingest.record(groups.flat());
      return groups.map(() => undefined);
    },
    { sizeOf: (plays) => plays.length, maxSize: MAX_PLAYS_PER_GROUP },
  );
  const limited =
    (handle: (request: RouteRequest, caller: Caller) => Promise<Reply> | Reply) =>
    async (request: RouteRequest): Promise<Reply> => {
      const caller = identify(request, deps);
      const state = deps.rateLimiter.take(
        caller.kind === 'known' ? { token: true, key: `token:${caller.record.id}` } : { token: false, key: `address:${request.remoteAddress}` },
      );
      const headers = rateLimitHeaders(state);
      let reply: Reply;
      if (state.overLimit) {
        // The body is not worth reading: the client is told to come back after the window.
        reply = { ...errorBody(429, 'You have exceeded your rate limit. See the X-RateLimit-* response headers for more information on your current rate limit.'), close: true };
      } else {
        try {
          reply = await handle(request, caller);
        } catch (error) {
          reply = errorReply(error);
        }
      }
      return { ...reply, headers: { ...reply.headers, ...headers } };
    };

  return underPrefixes(LISTENBRAINZ_PREFIXES, [
    { method: 'POST', path: '/1/submit-listens', handle: limited((request, caller) => submitListens(request, caller, deps, batcher)) },
    { method: 'GET', path: '/1/validate-token', handle: limited((request) => validateToken(request, deps)) },
    { method: 'GET', path: '/1/user/:name/playing-now', handle: limited((request) => ({ status: 200, json: playingNowReply(knownUser(request, deps), deps.playingNow.current()) })) },
    { method: 'GET', path: '/1/user/:name/listens', handle: limited((request) => userListens(request, deps)) },
  ]);
}

async function submitListens(request: RouteRequest, caller: Caller, deps: ListenbrainzApiDeps, batcher: Submissions): Promise<Reply> {
  if (caller.kind === 'anonymous') throw new AuthError('You need to provide an Authorization header.');
  if (caller.kind === 'malformed') throw new AuthError('Provided Authorization header is invalid.');
  if (caller.kind === 'unknown') throw new AuthError('Invalid authorization token.');
  const body = await request.body(MAX_PAYLOAD_SIZE, `Payload too large. Payload cannot exceed ${MAX_PAYLOAD_SIZE} bytes`);
  const submission = readSubmission(body, deps.clock.now() / 1000);
  if (submission.type === 'playing_now') {
    deps.playingNow.report(submission.listens[0]!.track);
  } else {
    await batcher.submit(submission.listens.map((listen) => playFromListen({ ...listen, listenedAt: listen.listenedAt as number })));
  }
  deps.metrics.listensSubmitted.inc({ listen_type: submission.type }, submission.listens.length);
  return { status: 200, json: { status: 'ok' } };
}

/** The token from "Authorization: Token …", or else from `?token=` (older clients). */
function validateToken(request: RouteRequest, deps: ListenbrainzApiDeps): Reply {
  const header = request.headers.authorization;
  const token = header && header.toLowerCase().startsWith('token ') ? (header.split(' ')[1] ?? '') : (request.url.searchParams.get('token') ?? '');
  if (!token) throw new UserError('You need to provide an Authorization token.');
  if (!deps.tokens.verify(token)) return { status: 200, json: { code: 200, message: 'Token invalid.', valid: false } };
  return { status: 200, json: { code: 200, message: 'Token valid.', valid: true, user_name: deps.userName() } };
}

function userListens(request: RouteRequest, deps: ListenbrainzApiDeps): Reply {
  const userName = knownUser(request, deps);
  const query = request.url.searchParams;
  // 0 is no bound, as in the real server (its checks read 0 as "not given").
  const maxTs = integerArgument(query, 'max_ts') || undefined;
  const minTs = integerArgument(query, 'min_ts') || undefined;
  if (maxTs !== undefined && minTs !== undefined && maxTs < minTs) throw new UserError('max_ts should be greater than min_ts');
  const count = Math.min(integerArgument(query, 'count') ?? DEFAULT_LISTENS_PER_GET, MAX_LISTENS_PER_GET);
  if (count < 0) throw new UserError('Number of items requested should be positive');
  if (maxTs !== undefined && minTs !== undefined && minTs >= maxTs) throw new UserError('min_ts should be less than max_ts');
  const window: ListenWindow = { count, ...(minTs === undefined ? {} : { minTs }), ...(maxTs === undefined ? {} : { maxTs }) };
  return { status: 200, json: listensReply(userName, deps.recentListens.page(window), deps.recentListens.span()) };
}

function integerArgument(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (!value) return undefined;
  const number = lenientInteger(value);
  if (number === undefined) throw new UserError(`Invalid ${name} argument: ${value}`);
  return number;
}

/** A single-user server: the configured name, in any case, is the only user there is. */
function knownUser(request: RouteRequest, deps: ListenbrainzApiDeps): string {
  const userName = deps.userName();
  const asked = request.params['name'] ?? '';
  if (asked.toLowerCase() !== userName.toLowerCase()) throw new NotFoundError(`Cannot find user: ${asked}`);
  return userName;
}

function identify(request: RouteRequest, deps: ListenbrainzApiDeps): Caller {
  const header = request.headers.authorization;
  if (!header) return { kind: 'anonymous' };
  const token = header.split(' ')[1];
  if (token === undefined) return { kind: 'malformed' };
  const record = token ? deps.tokens.verify(token) : undefined;
  return record ? { kind: 'known', record } : { kind: 'unknown' };
}
