import type { ConfigFile } from '../config/config.js';
import { AlbumDescriber } from './services/album-describer.js';
import { systemClock } from '../core/ports.js';
import type { Database } from '../db/data-source.js';
import { SqliteDescriptionAttempts } from '../db/repositories/ai-texts.js';
import type { HttpClient } from '../integrations/http.js';
import type { Logger } from '../log.js';
import { aiSettings, buildAi } from '../wiring/ai.js';
import { aiHandlers } from './handlers/ai.js';

/** The daemon's AI part: its handlers and the background describer of new albums. */
export function createAi(options: { config: ConfigFile; db: Database; http: HttpClient; log: Logger }) {
  const values = () => options.config.values();
  const ai = buildAi({ values, db: options.db, http: options.http });
  const describer = new AlbumDescriber({
    ai: ai.deps,
    clock: systemClock,
    attempts: new SqliteDescriptionAttempts(options.db),
    missingConfiguration: ai.problem,
    aiWaitMs: () => ai.client.waitMs(),
    paceMs: 2000,
    idleMs: 10 * 60_000,
    onError: (albumId, error) => options.log.warn({ albumId, err: error }, 'AI description failed'),
  });
  const handlers = aiHandlers({ ai, describer, settings: () => ({ ...aiSettings(values()), language: values().ai.language }) });
  return { handlers, describer, parts: ai };
}
