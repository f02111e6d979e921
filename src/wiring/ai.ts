import type { AimeConfig } from '../config/config.js';
import type { AiDeps } from '../core/ai/ports.js';
import { systemClock, type Clock } from '../core/ports.js';
import type { Database } from '../db/data-source.js';
import { SqliteAiFacts } from '../db/repositories/ai-facts.js';
import { SqliteAiTexts } from '../db/repositories/ai-texts.js';
import { CircuitBreaker } from '../integrations/ai/breaker.js';
import { AiClient, aiConfigurationProblem, type AiSettings } from '../integrations/ai/client.js';
import type { HttpClient } from '../integrations/http.js';

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
 * `aime config set ai.…` needs no restart). The daemon and the scheduler's job workers both build theirs with it.
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

