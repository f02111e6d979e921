// A local OpenAI-compatible server standing in for Infomaniak's AI Tools (EurIA): chat
// completions (plain and SSE streaming) and the model list, behind a Bearer token. It keeps
// every request body so tests can check what left the machine, and fails on demand.
//
//   const ai = await startFakeAi({ basePath: infomaniakBasePath(106561) });
//   client = new AiClient({ baseUrl: ai.baseUrl, token: ai.apiKey, model: 'qwen3' });
//   ai.style = { think: true, fenceJson: true };       // qwen3 / Apertus habits
//   ai.faults.queue('rateLimit', 'stallMidStream');
//   ai.down = true; …; ai.down = false;                 // circuit breaker opens, then closes
//   expect(ai.allPromptText()).not.toContain('secret');
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultPlan, type FaultSettings } from '../lastfm/fault-plan.js';
import { delay, listenLocal, readBody, sendJson } from '../lastfm/http-server.js';
import { completionBody, estimateTokens, openAiError, serveAiFault, shapeContent, streamEvents, writeStream, type Completion } from './replies.js';
import { defaultResponder, promptOf } from './responder.js';
import type { AiEndpoint, AiFaultKind, AiResponder, AiStyle, ChatCompletionRequest, RecordedAiRequest } from './types.js';

export { defaultResponder, promptOf } from './responder.js';
export type * from './types.js';

export const DEFAULT_AI_MODELS: readonly string[] = ['qwen3', 'mistral3', 'mistral24b', 'llama3', 'swiss-ai/Apertus-70B-Instruct-2509'];

/** Infomaniak's base paths: v2 "/2/ai/{id}/openai/v1" (current) or v1 "/1/ai/{id}/openai". */
export function infomaniakBasePath(productId: number, version: 1 | 2 = 2): string {
  return version === 2 ? `/2/ai/${productId}/openai/v1` : `/1/ai/${productId}/openai`;
}

export interface FakeAiOptions {
  /** The only accepted Bearer token (default "fake-ai-key"). */
  readonly apiKey?: string;
  /** Path prefix of the API, no trailing slash (default "/v1"). */
  readonly basePath?: string;
  readonly models?: readonly string[];
  readonly responder?: AiResponder;
  readonly style?: AiStyle;
  readonly faults?: FaultSettings<AiFaultKind>;
  /** Retry-After sent with 429s (default 1). */
  readonly retryAfterSeconds?: number;
  readonly latencyMs?: number;
  /** Pause between SSE events (default 0). */
  readonly streamChunkDelayMs?: number;
  /** Largest max_tokens accepted (default 5000, Infomaniak's documented maximum). */
  readonly maxTokensLimit?: number;
  /** Models answering 400 to response_format json_object, as some do. */
  readonly modelsRejectingJsonFormat?: readonly string[];
}

export interface FakeAi {
  /** Origin plus base path, e.g. "http://127.0.0.1:1234/v1": what an OpenAI client calls baseURL. */
  readonly baseUrl: string;
  readonly origin: string;
  readonly port: number;
  readonly apiKey: string;
  responder: AiResponder;
  style: AiStyle;
  latencyMs: number;
  streamChunkDelayMs: number;
  retryAfterSeconds: number;
  models: readonly string[];
  readonly faults: FaultPlan<AiFaultKind>;
  /** While true every request fails with `downFault` (for circuit breakers); set false to recover. */
  down: boolean;
  downFault: AiFaultKind;
  /** Every request received, faulted ones included, oldest first. */
  readonly requests: readonly RecordedAiRequest[];
  /** Parsed bodies of the chat completion requests. */
  chatRequests(): ChatCompletionRequest[];
  /** The text of every message of every chat request: what a privacy test searches. */
  allPromptText(): string;
  requestCount(endpoint?: AiEndpoint): number;
  readonly load: { readonly inFlight: number; readonly maxInFlight: number };
  resetRecords(): void;
  close(): Promise<void>;
}

export async function startFakeAi(options: FakeAiOptions = {}): Promise<FakeAi> {
  const apiKey = options.apiKey ?? 'fake-ai-key';
  const basePath = (options.basePath ?? '/v1').replace(/\/+$/, '');
  const rejectJson = new Set(options.modelsRejectingJsonFormat ?? []);
  const maxTokensLimit = options.maxTokensLimit ?? 5000;
  let requests: RecordedAiRequest[] = [];
  let chatIndex = 0;

  const state = {
    responder: options.responder ?? defaultResponder,
    style: options.style ?? {},
    latencyMs: options.latencyMs ?? 0,
    streamChunkDelayMs: options.streamChunkDelayMs ?? 0,
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    models: options.models ?? DEFAULT_AI_MODELS,
    down: false,
    downFault: 'http503' as AiFaultKind,
  };
  const faults = new FaultPlan<AiFaultKind>(options.faults);

  const endpointOf = (method: string, path: string): AiEndpoint => {
    if (path === `${basePath}/chat/completions` && method === 'POST') return 'chat.completions';
    if (path === `${basePath}/models` && method === 'GET') return 'models';
    return 'unknown';
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/+$/, '');
    const endpoint = endpointOf(method, path);
    const rawBody = await readBody(req);
    let body: unknown;
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      body = undefined;
    }
    const fault = state.down ? state.downFault : faults.draw(endpoint);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    requests.push({ method, path, endpoint, headers, rawBody, body, fault });
    await delay(state.latencyMs);

    if (fault === 'stall' || fault === 'reset' || fault === 'rateLimit' || fault === 'http500' || fault === 'http503') {
      return serveAiFault(res, fault, state.retryAfterSeconds, () => ({ json: '' }));
    }
    if (!authorized(req.headers.authorization, apiKey, res)) return;
    if (endpoint === 'unknown') {
      return openAiError(res, 404, `Unknown request URL: ${method} ${path}.`, 'invalid_request_error', 'unknown_url');
    }
    if (endpoint === 'models') {
      const data = state.models.map((id) => ({ id, object: 'model', created: 1_735_689_600, owned_by: 'infomaniak' }));
      const json = JSON.stringify({ object: 'list', data });
      return fault ? serveAiFault(res, fault, state.retryAfterSeconds, () => ({ json })) : sendJson(res, 200, JSON.parse(json));
    }

    const request = validateChat(body, rawBody, res);
    if (!request) return;
    const problem = checkChat(request);
    if (problem) return openAiError(res, problem.status, problem.message, 'invalid_request_error', problem.code, problem.param);

    const prompt = promptOf(request);
    const raw = await state.responder(request, { prompt, requestIndex: chatIndex });
    const reply = typeof raw === 'string' ? { content: raw } : raw;
    const shaped = shapeContent(reply.content, state.style, request.max_tokens ?? request.max_completion_tokens, prompt);
    const completion: Completion = {
      id: `chatcmpl-fake${String(chatIndex++).padStart(6, '0')}`,
      model: request.model,
      content: shaped.content,
      finishReason: reply.finishReason ?? shaped.finishReason,
      promptTokens: estimateTokens(prompt),
    };
    const stream = request.stream === true;
    const events = (): string[] => streamEvents(completion, state.style, request.stream_options?.include_usage === true);
    if (fault) {
      return serveAiFault(res, fault, state.retryAfterSeconds, () =>
        stream ? { events: events() } : { json: JSON.stringify(completionBody(completion)) },
      );
    }
    if (stream) return writeStream(res, events(), state.streamChunkDelayMs);
    sendJson(res, 200, completionBody(completion));
  };

  const checkChat = (r: ChatCompletionRequest): { status: number; message: string; code: string | null; param: string } | undefined => {
    if (typeof r.model !== 'string' || r.model === '') {
      return { status: 400, message: 'you must provide a model parameter', code: null, param: 'model' };
    }
    if (!state.models.includes(r.model)) {
      return { status: 404, message: `The model \`${r.model}\` does not exist or you do not have access to it.`, code: 'model_not_found', param: 'model' };
    }
    if (!Array.isArray(r.messages) || r.messages.length === 0) {
      return { status: 400, message: "'messages' must be a non-empty array", code: null, param: 'messages' };
    }
    const max = r.max_tokens ?? r.max_completion_tokens;
    if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > maxTokensLimit)) {
      return { status: 400, message: `max_tokens must be between 1 and ${maxTokensLimit}`, code: null, param: 'max_tokens' };
    }
    if (r.response_format?.type === 'json_object' && rejectJson.has(r.model)) {
      return { status: 400, message: `response_format json_object is not supported by ${r.model}`, code: null, param: 'response_format' };
    }
    return undefined;
  };

  const server = await listenLocal(handle);
  return {
    baseUrl: `${server.origin}${basePath}`,
    origin: server.origin,
    port: server.port,
    apiKey,
    get responder() { return state.responder; },
    set responder(r: AiResponder) { state.responder = r; },
    get style() { return state.style; },
    set style(s: AiStyle) { state.style = s; },
    get latencyMs() { return state.latencyMs; },
    set latencyMs(ms: number) { state.latencyMs = ms; },
    get streamChunkDelayMs() { return state.streamChunkDelayMs; },
    set streamChunkDelayMs(ms: number) { state.streamChunkDelayMs = ms; },
    get retryAfterSeconds() { return state.retryAfterSeconds; },
    set retryAfterSeconds(s: number) { state.retryAfterSeconds = s; },
    get models() { return state.models; },
    set models(m: readonly string[]) { state.models = m; },
    faults,
    get down() { return state.down; },
    set down(on: boolean) { state.down = on; },
    get downFault() { return state.downFault; },
    set downFault(f: AiFaultKind) { state.downFault = f; },
    get requests() { return requests; },
    chatRequests: () =>
      requests.filter((r) => r.endpoint === 'chat.completions' && isChatRequest(r.body)).map((r) => r.body as ChatCompletionRequest),
    allPromptText: () =>
      requests
        .filter((r) => r.endpoint === 'chat.completions')
        .map((r) => (isChatRequest(r.body) ? promptOf(r.body) : r.rawBody))
        .join('\n\n'),
    requestCount: (endpoint) => (endpoint ? requests.filter((r) => r.endpoint === endpoint).length : requests.length),
    load: server.load,
    resetRecords: () => {
      requests = [];
      faults.resetInjected();
    },
    close: () => server.close(),
  };
}

function authorized(header: string | undefined, apiKey: string, res: ServerResponse): boolean {
  if (!header) {
    openAiError(res, 401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", 'invalid_request_error', null);
    return false;
  }
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match || match[1] !== apiKey) {
    openAiError(res, 401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
    return false;
  }
  return true;
}

function isChatRequest(body: unknown): body is ChatCompletionRequest {
  return typeof body === 'object' && body !== null && Array.isArray((body as { messages?: unknown }).messages);
}

function validateChat(body: unknown, rawBody: string, res: ServerResponse): ChatCompletionRequest | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const message = rawBody
      ? 'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.'
      : 'The request body is empty: a JSON object is expected.';
    openAiError(res, 400, message, 'invalid_request_error', null);
    return undefined;
  }
  return body as ChatCompletionRequest;
}
