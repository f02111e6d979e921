import { AimeError, RetryLaterError, UnrecoverableError, UserError } from '../../core/errors.js';
import type { AiAnswer, AiAsk, AiWriter } from '../../core/ai/ports.js';
import type { HttpClient } from '../http.js';
import { cleanAnswer, ThinkingFilter } from './answer.js';
import type { CircuitBreaker, CircuitStatus } from './breaker.js';
import { classifyAiReply, classifyChatCompletion, readCompletion, readStreamChunk } from './classify.js';
import { SseDecoder } from './sse.js';

/** Read on every call, so `aime config set ai.…` applies without a daemon restart. */
export interface AiSettings {
  readonly baseUrl: string;
  readonly apiKey?: string;
  readonly model: string;
  readonly timeoutMs: number;
}

export interface AiClientOptions {
  readonly http: HttpClient;
  readonly settings: () => AiSettings;
  readonly breaker: CircuitBreaker;
}

/** Why AI texts cannot be written with these settings; undefined when they can. */
export function aiConfigurationProblem(settings: AiSettings): string | undefined {
  if (!settings.baseUrl || settings.baseUrl.includes('{product_id}')) {
    return 'set ai.baseUrl (Infomaniak: https://api.infomaniak.com/2/ai/<product id>/openai/v1, or any OpenAI-compatible server)';
  }
  if (!settings.apiKey) return 'set ai.apiKey (any value for a local server that needs none)';
  return undefined;
}

/** Names a failure to reach the server (refused, reset, timed out) as the AI server's. */
async function reaching<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    // Replies are classified with their HTTP status; a passing failure without one never got a reply.
    if (error instanceof RetryLaterError && error.detail?.status === undefined) {
      throw new RetryLaterError(`the AI server did not answer (${error.message})`, { cause: error });
    }
    throw error;
  }
}

/** A stream that already showed text is not retried: the reader would see it twice. */
const STREAM_RESTARTS = 2;

/**
 * Chat completions on an OpenAI-compatible server (Infomaniak EurIA, a local server), plain
 * or streamed, through the shared HttpClient (timeouts, retries, Retry-After) and behind a
 * circuit breaker. Answers come back without `<think>` blocks or a wrapping code fence.
 */
export class AiClient implements AiWriter {
  private readonly options: AiClientOptions;
  /** Models that answered 400 to response_format: asked for JSON in words only. */
  private readonly noJsonMode = new Set<string>();

  constructor(options: AiClientOptions) {
    this.options = options;
  }

  circuit(): CircuitStatus {
    return this.options.breaker.status();
  }

  /** How long to hold back before the next call may go (an open circuit), in ms. */
  waitMs(): number {
    return this.options.breaker.waitMs();
  }

  async ask(ask: AiAsk, signal?: AbortSignal): Promise<AiAnswer> {
    const settings = this.configured();
    return this.options.breaker.run('the AI server', async () => {
      const response = await this.withJsonFallback(settings, ask, (jsonMode) =>
        reaching(this.options.http.send(this.request(settings, 'chat/completions', this.body(settings, ask, jsonMode, false), classifyChatCompletion, signal))),
      );
      const completion = readCompletion(response.body);
      if (!completion) throw new UnrecoverableError('the AI server sent an answer that is not a chat completion');
      return { text: cleanAnswer(completion.content), model: completion.model ?? settings.model, truncated: completion.finishReason === 'length' };
    });
  }

  async stream(ask: AiAsk, onText: (piece: string) => void, signal?: AbortSignal): Promise<AiAnswer> {
    const settings = this.configured();
    return this.options.breaker.run('the AI server', async () => {
      for (let restart = 0; ; restart++) {
        let shown = false;
        try {
          return await this.streamOnce(settings, ask, (piece) => {
            shown = true;
            onText(piece);
          }, signal);
        } catch (error) {
          if (!(error instanceof RetryLaterError) || signal?.aborted) throw error;
          if (shown) throw new RetryLaterError(`the AI server stopped in the middle of its answer (${error.message})`, { cause: error });
          if (restart >= STREAM_RESTARTS) throw error;
        }
      }
    });
  }

  /** The ids of the models the server offers. */
  async models(signal?: AbortSignal): Promise<string[]> {
    const settings = this.configured();
    return this.options.breaker.run('the AI server', async () => {
      const response = await reaching(this.options.http.send({ ...this.request(settings, 'models', undefined, classifyAiReply, signal), method: 'GET' }));
      let parsed: { data?: Array<{ id?: unknown }> };
      try {
        parsed = JSON.parse(response.body) as typeof parsed;
      } catch (error) {
        throw new UnrecoverableError('the AI server sent a model list that is not JSON', { cause: error });
      }
      if (!Array.isArray(parsed?.data)) throw new UnrecoverableError('the AI server sent a model list without data');
      return parsed.data.map((model) => model.id).filter((id): id is string => typeof id === 'string').sort();
    });
  }

  private async streamOnce(settings: AiSettings, ask: AiAsk, onText: (piece: string) => void, signal?: AbortSignal): Promise<AiAnswer> {
    const reply = await reaching(this.options.http.stream(this.request(settings, 'chat/completions', this.body(settings, ask, false, true), classifyAiReply, signal)));
    const events = new SseDecoder();
    const thinking = new ThinkingFilter();
    let raw = '';
    let finish: string | null = null;
    let model: string | undefined;
    let done = false;
    for await (const piece of reply.text) {
      for (const data of events.push(piece)) {
        if (data === '[DONE]') {
          done = true;
          break;
        }
        const chunk = readStreamChunk(data);
        raw += chunk.content;
        finish = chunk.finishReason ?? finish;
        model ??= chunk.model;
        const visible = thinking.push(chunk.content);
        if (visible) onText(visible);
      }
      if (done) break;
    }
    if (!done) throw new RetryLaterError('the AI server closed the stream before the end of the answer');
    const rest = thinking.end();
    if (rest) onText(rest);
    return { text: cleanAnswer(raw), model: model ?? settings.model, truncated: finish === 'length' };
  }

  private async withJsonFallback<T>(settings: AiSettings, ask: AiAsk, call: (jsonMode: boolean) => Promise<T>): Promise<T> {
    const jsonMode = ask.json === true && !this.noJsonMode.has(settings.model);
    try {
      return await call(jsonMode);
    } catch (error) {
      if (!jsonMode || !(error instanceof AimeError) || error.detail?.refused !== 'response_format') throw error;
      this.noJsonMode.add(settings.model);
      return call(false);
    }
  }

  private body(settings: AiSettings, ask: AiAsk, jsonMode: boolean, stream: boolean): string {
    return JSON.stringify({
      model: settings.model,
      messages: ask.messages,
      max_tokens: ask.maxTokens,
      temperature: ask.temperature ?? 0.7,
      ...(stream ? { stream: true } : {}),
      ...(jsonMode ? { response_format: { type: 'json_object' } } : {}),
    });
  }

  private request(settings: AiSettings, path: string, body: string | undefined, classify: typeof classifyAiReply, signal?: AbortSignal) {
    return {
      url: `${settings.baseUrl.replace(/\/+$/, '')}/${path}`,
      method: 'POST' as const,
      headers: { authorization: `Bearer ${settings.apiKey ?? ''}`, 'content-type': 'application/json' },
      body,
      timeoutMs: settings.timeoutMs,
      classify,
      signal,
    };
  }

  private configured(): AiSettings {
    const settings = this.options.settings();
    const problem = aiConfigurationProblem(settings);
    if (problem) throw new UserError(`AI is not configured: ${problem}`);
    return settings;
  }
}
