import type { AimeConfig } from '../config/config.js';
import { UserError } from '../core/errors.js';
import { ListenIngest } from '../core/listens/ingest.js';
import { systemClock, type AlbumEvents } from '../core/ports.js';
import type { Database } from '../db/data-source.js';
import { SqliteListenJournal } from '../db/repositories/listen-journal.js';
import { SqliteListenStore } from '../db/repositories/listens.js';
import { SqliteSyncState } from '../db/repositories/sync-state.js';
import type { HttpClient } from '../integrations/http.js';
import { LastfmClient } from '../integrations/lastfm/client.js';
import type { Logger } from '../log.js';
import { listensHandlers } from './handlers/listens.js';
import { LastfmTracker } from './services/lastfm-tracker.js';

export interface ListensWiringDeps {
  readonly values: () => AimeConfig;
  readonly db: Database;
  readonly http: HttpClient;
  readonly log: Logger;
  readonly albumEvents: AlbumEvents;
}

/**
 * The listening-history area assembled for the composition root: one ListenIngest shared
 * by every source (the Roon tracker records through `ingest` too), the Last.fm tracker
 * service, and the `listens.*` handlers.
 */
export function wireListens(deps: ListensWiringDeps) {
  const ingest = new ListenIngest({ store: new SqliteListenStore(deps.db), albumEvents: deps.albumEvents, radioStations: () => deps.values().roon.radioStations });
  const journal = new SqliteListenJournal(deps.db);
  const state = new SqliteSyncState(deps.db);
  const missing = () => {
    const { apiKey, username } = deps.values().lastfm;
    const keys = [apiKey ? '' : 'lastfm.apiKey', username ? '' : 'lastfm.username'].filter(Boolean);
    return keys.length ? `Last.fm needs ${keys.join(' and ')} (aime config set ${keys[0]} …)` : undefined;
  };
  const source = () => {
    const problem = missing();
    if (problem) throw new UserError(problem);
    const { apiUrl, apiKey, username } = deps.values().lastfm;
    return new LastfmClient(deps.http, { apiUrl, apiKey: apiKey as string, username: username as string });
  };
  const tracker = new LastfmTracker({
    missingConfiguration: missing,
    source,
    pollSeconds: () => deps.values().lastfm.pollSeconds,
    ingest,
    journal,
    state,
    clock: systemClock,
    log: deps.log.child({ component: 'lastfm-tracker' }),
  });
  const handlers = listensHandlers({ ingest, journal, state, clock: systemClock, lastfm: source, timeZone: () => deps.values().timezone });
  return { ingest, tracker, handlers };
}
