import { PlayingNow } from '../../core/listenbrainz/playing-now.js';
import { ApiTokens } from '../../core/listenbrainz/tokens.js';
import type { IngestSummary, PlayReport } from '../../core/model.js';
import { SqliteApiTokens } from '../../db/repositories/api-tokens.js';
import { SqliteRecentListens } from '../../db/repositories/recent-listens.js';
import { SqliteWriteProbe } from '../../db/repositories/write-probe.js';
import { nowHandlers } from '../handlers/now.js';
import { tokenHandlers } from '../handlers/token.js';
import { httpService } from '../http/http-service.js';
import { PlayingNowFeed } from '../http/playing-now-feed.js';
import type { DaemonMetrics } from '../metrics/daemon-metrics.js';
import type { ConfigListener } from './config.js';
import type { Feature, FeatureContext } from './feature.js';

export interface HttpNeeds {
  /** The daemon's ListenIngest: submitted listens are stored like every other source's. */
  readonly ingest: { record(plays: readonly PlayReport[]): Promise<IngestSummary> };
  readonly metrics: DaemonMetrics;
  /** Restarts, starts or stops the service on a new address (ServiceRegistry.reconfigure). */
  readonly services: { reconfigure(name: string): Promise<unknown> };
  readonly onConfigChange: (listener: ConfigListener) => void;
}

/**
 * The HTTP listener (service `http`: the ListenBrainz API, /health, /metrics) on
 * `http.listen`, with the `token.*` methods for its tokens and `now.subscribe` for what other
 * players report playing (`aime now`). It runs when an address is set, unless the user
 * stopped it; `aime config set http.listen …` moves it to the new address at once.
 */
export function httpFeature(ctx: FeatureContext, needs: HttpNeeds): Feature {
  const tokens = new ApiTokens(new SqliteApiTokens(ctx.db), ctx.clock);
  const playing = new PlayingNowFeed(new PlayingNow(ctx.clock), () => ctx.clock.now());
  const log = ctx.log.child({ component: 'http-listener' });
  const listener = httpService({
    listen: () => ctx.values().http.listen,
    tokens,
    ingest: needs.ingest,
    playingNow: playing,
    recentListens: new SqliteRecentListens(ctx.db),
    writeProbe: new SqliteWriteProbe(ctx.db),
    metrics: needs.metrics,
    userName: () => ctx.values().lastfm.username || 'aime',
    clock: ctx.clock,
    log,
  });
  // One move at a time: two quick `config set` calls end on the last address, never on both.
  let moving: Promise<unknown> = Promise.resolve();
  needs.onConfigChange((key) => {
    if (key !== 'http.listen') return;
    moving = moving
      .then(() => needs.services.reconfigure(listener.name))
      .catch((error: unknown) => log.error({ err: error }, 'the HTTP listener could not move to the new address'));
  });
  return { services: [listener], handlers: { ...tokenHandlers({ tokens }), ...nowHandlers({ playing }) } };
}
