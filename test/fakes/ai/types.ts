// The OpenAI-compatible request and reply types the fake understands, and its knobs.

export interface ChatContentPart {
  readonly type: string;
  readonly text?: string;
}

export interface ChatMessage {
  readonly role: string;
  readonly content: string | null | readonly ChatContentPart[];
}

export interface ChatCompletionRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly max_tokens?: number;
  readonly max_completion_tokens?: number;
  readonly temperature?: number;
  readonly stream?: boolean;
  readonly stream_options?: { readonly include_usage?: boolean };
  readonly response_format?: { readonly type: string };
  readonly [field: string]: unknown;
}

export interface AiReply {
  readonly content: string;
  readonly finishReason?: 'stop' | 'length';
}

export interface ResponderContext {
  /** Every message's text, joined by blank lines (system first, as sent). */
  readonly prompt: string;
  /** 0 for the first chat request the fake received, then 1, 2… */
  readonly requestIndex: number;
}

/** Produces the assistant's text; the fake then applies the style and max_tokens. */
export type AiResponder = (
  request: ChatCompletionRequest,
  context: ResponderContext,
) => string | AiReply | Promise<string | AiReply>;

/** Model habits clients have to cope with. */
export interface AiStyle {
  /** Prepend a `<think>…</think>` block (qwen3). */
  readonly think?: boolean;
  /** Wrap JSON answers in a ```json fence (Apertus). */
  readonly fenceJson?: boolean;
  /** Text before the answer, e.g. "Here is the JSON you asked for:". */
  readonly preamble?: string;
  /** Start streams with an SSE comment line (": keep-alive"), which clients must skip. */
  readonly sseComments?: boolean;
}

/**
 * - `rateLimit`: 429 with Retry-After and an OpenAI rate-limit error
 * - `http500` / `http503`: OpenAI-style server errors
 * - `stall`: never answers
 * - `stallMidStream`: headers (and for streams the first chunk), then nothing
 * - `garbage`: 200 with a body that is not what was asked (HTML; broken SSE for streams)
 * - `drop`: part of the answer, then the socket is destroyed
 * - `reset`: the socket is destroyed before any response
 */
export type AiFaultKind = 'rateLimit' | 'http500' | 'http503' | 'stall' | 'stallMidStream' | 'garbage' | 'drop' | 'reset';

export type AiEndpoint = 'chat.completions' | 'models' | 'unknown';

export interface RecordedAiRequest {
  readonly method: string;
  readonly path: string;
  readonly endpoint: AiEndpoint;
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** Parsed JSON body, or undefined when absent or unparsable. */
  readonly body: unknown;
  readonly fault: AiFaultKind | undefined;
}
