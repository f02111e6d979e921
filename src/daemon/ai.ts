import type { AimeConfig, ConfigFile } from '../config/config.js';
import { AlbumDescriber } from '../core/ai/describer.js';
import type { AiDeps } from '../core/ai/ports.js';
import { systemClock, type Clock } from '../core/ports.js';
import type { Database } from '../db/data-source.js';
import { SqliteAiFacts } from '../db/repositories/ai-facts.js';
import { SqliteAiTexts, SqliteDescriptionAttempts } from '../db/repositories/ai-texts.js';
import { CircuitBreaker } from '../integrations/ai/breaker.js';
import { AiClient, aiConfigurationProblem, type AiSettings } from '../integrations/ai/client.js';
import type { HttpClient } from '../integrations/http.js';
import type { Logger } from '../log.js';
import { aiHandlers } from './handlers/ai.js';

/** Failed requests in a row (each already retried by the HttpClient) that open the circuit. */
const CIRCUIT_FAILURES = 3;

export function aiSettings(values: AimeConfig): AiSettings {
  return { baseUrl: values.ai.baseUrl, apiKey: values.ai.apiKey, model: values.ai.model, timeoutMs: values.ai.timeoutSeconds * 1000 };
}

export interface AiParts {
  readonly client: AiClient;
  /** The deps of core/ai, with the language and time zone of this moment's configuration. */
  readonly deps: () => AiDeps;
  readonly problem: () => string | undefined;
}

/**
 * The AI client and core deps for one process, from configuration read on every use (so
 * `aime config set ai.…` needs no restart). Scheduler job workers build their own with it.
 */
export function buildAi(options: { values: () => AimeConfig; db: Database; http: HttpClient; clock?: Clock }): AiParts {
  const clock = options.clock ?? systemClock;
  const breaker = new CircuitBreaker({ failures: CIRCUIT_FAILURES, cooldownMs: options.values().ai.circuitCooldownSeconds * 1000, clock });
  const client = new AiClient({ http: options.http, settings: () => aiSettings(options.values()), breaker });
  const facts = new SqliteAiFacts(options.db);
  const texts = new SqliteAiTexts(options.db);
  return {
    client,
    deps: () => {
      const values = options.values();
      return { writer: client, facts, texts, language: values.ai.language, timeZone: values.timezone, clock };
    },
    problem: () => aiConfigurationProblem(aiSettings(options.values())),
  };
}

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
