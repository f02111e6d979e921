import { ListenbrainzClient } from '../../integrations/listenbrainz/client.js';
import { ListenbrainzPacer } from '../../integrations/listenbrainz/pacer.js';
import { SqliteForwardOutbox } from '../../db/repositories/outbox.js';
import { forwardHandlers } from '../handlers/forward.js';
import type { ServiceControl } from '../handlers/service.js';
import { ForwardService } from '../services/forward.js';
import type { ConfigListener } from './config.js';
import type { Feature, FeatureContext } from './feature.js';

/**
 * Forwarding to ListenBrainz: the outbox (SQLite), the `forward` service that empties it,
 * and `forward.*`. New listens are queued while forward.listenbrainz.token is set — from the
 * moment it is (at start, or at `aime config set`, which also starts the service: a token is
 * the user asking to forward). `queueLength` feeds the `aime_forward_queue_length` gauge.
 *
 * Internal overrides for tests: AIME_FORWARD_IDLE_MS (how often an empty queue looks for
 * new listens, default 5 s), AIME_FORWARD_MIN_INTERVAL_MS (least time between two requests,
 * default 1 s as ListenBrainz asks).
 */
export function forwardFeature(
  ctx: FeatureContext,
  needs: { onConfigChange(listener: ConfigListener): void; services: Pick<ServiceControl, 'start'> },
): Feature & { queueLength: () => number } {
  const log = ctx.log.child({ component: 'forward' });
  const outbox = new SqliteForwardOutbox(ctx.db);
  const settings = () => ctx.values().forward.listenbrainz;
  const seconds = () => Math.floor(ctx.clock.now() / 1000);
  const follow = () => outbox.follow(settings().token !== undefined, seconds());
  // Before the socket opens: every listen stored from now on is new.
  follow();
  const pacer = new ListenbrainzPacer(() => overrideMs(ctx.env, 'AIME_FORWARD_MIN_INTERVAL_MS', 1000));
  const missing = () => (settings().token === undefined ? 'forwarding needs forward.listenbrainz.token (aime config set forward.listenbrainz.token …)' : undefined);
  const sender = new ForwardService({
    outbox,
    target: () => {
      const { url, token } = settings();
      return token === undefined ? undefined : new ListenbrainzClient(ctx.http, { url, token, pacer });
    },
    missingConfiguration: missing,
    runsByDefault: () => settings().token !== undefined,
    retryBaseMs: () => ctx.values().http.retryBaseMs,
    idleMs: overrideMs(ctx.env, 'AIME_FORWARD_IDLE_MS', 5000),
    version: ctx.version,
    clock: ctx.clock,
    log,
  });
  needs.onConfigChange((key) => {
    if (!key.startsWith('forward.')) return;
    follow();
    sender.retryNow();
    if (key === 'forward.listenbrainz.token' && settings().token !== undefined) needs.services.start(sender.name).catch((error: unknown) => log.error({ err: error }, 'forwarding could not start'));
  });
  const handlers = forwardHandlers({
    outbox,
    sender,
    target: () => ({ url: settings().url, enabled: settings().token !== undefined }),
    timeZone: () => ctx.values().timezone,
    clock: ctx.clock,
  });
  return { services: [sender], handlers, queueLength: () => outbox.queueLength() };
}

function overrideMs(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name]);
  return Number.isInteger(value) && value >= 0 && env[name] !== '' && env[name] !== undefined ? value : fallback;
}
