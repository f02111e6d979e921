import { UserError } from '../../core/errors.js';
import { ListenIngest } from '../../core/listens/ingest.js';
import type { AlbumEvents, ListenEvents } from '../../core/ports.js';
import { SqliteListenJournal } from '../../db/repositories/listen-journal.js';
import { SqliteListenStore } from '../../db/repositories/listens.js';
import { SqliteSyncState } from '../../db/repositories/sync-state.js';
import { LastfmClient } from '../../integrations/lastfm/client.js';
import { listensHandlers } from '../handlers/listens.js';
import { LastfmTracker } from '../services/lastfm-tracker.js';
import type { TrackerRounds } from '../metrics/daemon-metrics.js';
import type { Feature, FeatureContext } from './feature.js';

/**
 * The listening history: one ListenIngest shared by every source (Roon records through
 * `ingest` too, so a play and its scrobble are one listen), the Last.fm tracker service, and
 * the `listens.*` handlers. New albums go to `albumEvents` once a batch is stored, stored
 * listens to `listenEvents`; each tracker poll is counted in `trackers` (GET /metrics).
 */
export function listensFeature(ctx: FeatureContext, needs: { albumEvents: AlbumEvents; listenEvents?: ListenEvents; trackers: TrackerRounds }): Feature & { ingest: ListenIngest } {
  const ingest = new ListenIngest({
    store: new SqliteListenStore(ctx.db),
    albumEvents: needs.albumEvents,
    listenEvents: needs.listenEvents,
    radioStations: () => ctx.values().roon.radioStations,
  });
  const journal = new SqliteListenJournal(ctx.db);
  const state = new SqliteSyncState(ctx.db);
  const missing = () => {
    const { apiKey, username } = ctx.values().lastfm;
    const keys = [apiKey ? '' : 'lastfm.apiKey', username ? '' : 'lastfm.username'].filter(Boolean);
    return keys.length ? `Last.fm needs ${keys.join(' and ')} (aime config set ${keys[0]} …)` : undefined;
  };
  const lastfm = () => {
    const problem = missing();
    if (problem) throw new UserError(problem);
    const { apiUrl, apiKey, username } = ctx.values().lastfm;
    return new LastfmClient(ctx.http, { apiUrl, apiKey: apiKey as string, username: username as string });
  };
  const tracker = new LastfmTracker({
    missingConfiguration: missing,
    source: lastfm,
    pollSeconds: () => ctx.values().lastfm.pollSeconds,
    ingest,
    journal,
    state,
    clock: ctx.clock,
    log: ctx.log.child({ component: 'lastfm-tracker' }),
    onPoll: (result) => needs.trackers.round('lastfm', result),
  });
  const handlers = listensHandlers({ ingest, journal, state, clock: ctx.clock, lastfm, timeZone: () => ctx.values().timezone });
  return { services: [tracker], handlers, ingest };
}
