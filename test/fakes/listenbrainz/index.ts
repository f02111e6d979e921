// A local stand-in for https://api.listenbrainz.org's POST /1/submit-listens: it checks
// every request with the same rules as AIME's own endpoint (src/core/listenbrainz, the real
// server's rules and messages), keeps the listens it accepted the way ListenBrainz dedups
// them (same listened_at, same track → one), sends the X-RateLimit-* headers, and fails on
// demand. Used by the forwarding tests.
//
//   const lb = await startFakeListenbrainz({ refuse: (listen) => listen.track_metadata.track_name === 'Bad' ? 'no' : undefined });
//   lb.faults.queue('http503', 'drop', 'rateLimited');   // the next three requests fail
//   expect(lb.listens()).toHaveLength(2500);
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readSubmission } from '../../../src/core/listenbrainz/submission.js';
import { errorMessage } from '../../../src/core/errors.js';
import { FaultPlan, type FaultSettings } from '../lastfm/fault-plan.js';
import { delay, listenLocal, readBody, sendText } from '../lastfm/http-server.js';

/** http500/http503: the server breaks; drop: the connection is cut before any answer; rateLimited: 429 with X-RateLimit-Reset-In; unauthorized: 401. */
export type ListenbrainzFault = 'http500' | 'http503' | 'drop' | 'rateLimited' | 'unauthorized';

/** A listen as ListenBrainz stores it (the submission's own fields). */
export interface ReceivedListen {
  readonly listened_at: number;
  readonly track_metadata: { artist_name: string; track_name: string; release_name?: string; additional_info: Record<string, unknown> };
}

export interface SubmitRecord {
  readonly at: number;
  readonly status: number;
  /** Listens in the request (0 when it could not be read). */
  readonly listens: number;
  readonly authorization: string | undefined;
  readonly userAgent: string | undefined;
  readonly listenType: string | undefined;
  readonly fault: ListenbrainzFault | undefined;
}

export interface FakeListenbrainzOptions {
  /** The one accepted user token (default "fake-listenbrainz-token"). */
  readonly token?: string;
  /** ListenBrainz refuses a whole request for one bad listen: the reason, or undefined for a good one. */
  readonly refuse?: (listen: ReceivedListen) => string | undefined;
  readonly faults?: FaultSettings<ListenbrainzFault>;
  /** X-RateLimit-Reset-In sent with a rateLimited fault (default 1 s). */
  readonly resetInSeconds?: number;
  readonly latencyMs?: number;
}

export interface FakeListenbrainz {
  /** The API root to configure (forward.listenbrainz.url). */
  readonly url: string;
  readonly token: string;
  readonly faults: FaultPlan<ListenbrainzFault>;
  latencyMs: number;
  readonly requests: readonly SubmitRecord[];
  /** Distinct listens accepted (ListenBrainz's dedup), in the order they first arrived. */
  listens(): ReceivedListen[];
  /** Listens in accepted requests, duplicates included. */
  readonly received: number;
  close(): Promise<void>;
}

const RATE_LIMIT = 30;

export async function startFakeListenbrainz(options: FakeListenbrainzOptions = {}): Promise<FakeListenbrainz> {
  const token = options.token ?? 'fake-listenbrainz-token';
  const faults = new FaultPlan<ListenbrainzFault>(options.faults);
  const requests: SubmitRecord[] = [];
  const stored = new Map<string, ReceivedListen>();
  const state = { latencyMs: options.latencyMs ?? 0, received: 0 };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method !== 'POST' || url.pathname !== '/1/submit-listens') return reply(res, 404, { code: 404, error: 'Not found' });
    const body = Buffer.from(await readBody(req, 20 * 1024 * 1024), 'utf8');
    if (state.latencyMs) await delay(state.latencyMs);
    const record = { at: Date.now(), authorization: req.headers.authorization, userAgent: req.headers['user-agent'], listens: 0, listenType: undefined as string | undefined };
    const done = (status: number, fault?: ListenbrainzFault) => requests.push({ ...record, status, fault });
    const fault = faults.draw('submit-listens');
    if (fault === 'drop') {
      done(0, fault);
      req.socket.destroy();
      return;
    }
    if (fault === 'http500' || fault === 'http503') {
      done(fault === 'http500' ? 500 : 503, fault);
      return reply(res, fault === 'http500' ? 500 : 503, { code: 503, error: 'The server is down for maintenance.' });
    }
    if (fault === 'rateLimited') {
      done(429, fault);
      return reply(res, 429, { code: 429, error: 'You have exceeded your rate limit.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-in': String(options.resetInSeconds ?? 1) });
    }
    if (fault === 'unauthorized' || req.headers.authorization !== `Token ${token}`) {
      done(401, fault);
      return reply(res, 401, { code: 401, error: 'Invalid authorization token.' });
    }
    let listens: ReceivedListen[];
    try {
      const submission = readSubmission(body, Date.now() / 1000);
      record.listenType = submission.type;
      listens = submission.listens.map((listen) => ({ listened_at: listen.listenedAt as number, track_metadata: { ...listen.track } }));
    } catch (error) {
      done(400);
      return reply(res, 400, { code: 400, error: errorMessage(error) });
    }
    record.listens = listens.length;
    for (const listen of listens) {
      const refusal = options.refuse?.(listen);
      if (refusal) {
        done(400);
        return reply(res, 400, { code: 400, error: refusal });
      }
    }
    for (const listen of listens) {
      const { artist_name, track_name, release_name } = listen.track_metadata;
      const key = JSON.stringify([listen.listened_at, artist_name, track_name, release_name ?? null]);
      if (!stored.has(key)) stored.set(key, listen);
    }
    state.received += listens.length;
    done(200);
    reply(res, 200, { status: 'ok' });
  };

  const server = await listenLocal(handle);
  return {
    url: server.origin,
    token,
    faults,
    get latencyMs() {
      return state.latencyMs;
    },
    set latencyMs(value: number) {
      state.latencyMs = value;
    },
    requests,
    listens: () => [...stored.values()],
    get received() {
      return state.received;
    },
    close: () => server.close(),
  };
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(res, status, 'application/json', JSON.stringify(body), {
    'x-ratelimit-limit': String(RATE_LIMIT),
    'x-ratelimit-remaining': String(RATE_LIMIT - 1),
    'x-ratelimit-reset-in': '10',
    ...headers,
  });
}
