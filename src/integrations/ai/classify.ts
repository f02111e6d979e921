import { AimeError, AuthError, RetryLaterError, UnrecoverableError, UserError } from '../../core/errors.js';
import { retryAfterMs, type HttpResponse } from '../http.js';

interface OpenAiError {
  readonly error?: { readonly message?: unknown; readonly code?: unknown; readonly param?: unknown; readonly type?: unknown };
}

function errorBody(response: HttpResponse): OpenAiError['error'] {
  try {
    return (JSON.parse(response.body) as OpenAiError).error;
  } catch {
    return undefined;
  }
}

/**
 * What an OpenAI-compatible server's reply means, decided by status and error codes:
 * 429 and 5xx pass (retried, honouring Retry-After); 401/403 is the key; an unknown model
 * or a refused response_format is the request; anything else will not get better.
 */
export function classifyAiReply(response: HttpResponse): AimeError | undefined {
  const { status } = response;
  if (status >= 200 && status < 300) return undefined;
  const error = errorBody(response);
  const said = typeof error?.message === 'string' ? `: ${error.message}` : '';
  const detail = { status, code: error?.code ?? null, param: error?.param ?? null };
  if (status === 429 || status >= 500) {
    return new RetryLaterError(`the AI server is unavailable (HTTP ${status}${said})`, { retryAfterMs: retryAfterMs(response.headers['retry-after']), detail });
  }
  if (status === 401 || status === 403) return new AuthError(`the AI server refused the API key (HTTP ${status}); check ai.apiKey`, { detail });
  if (error?.code === 'model_not_found' || (status === 404 && error?.param === 'model')) {
    return new UserError(`the AI server does not offer this model (HTTP ${status}${said}); \`aime ai models\` lists those it has`, { detail });
  }
  if (status === 404) return new UnrecoverableError(`no OpenAI-compatible API at this address (HTTP 404); check ai.baseUrl`, { detail });
  if (status === 400 && error?.param === 'response_format') return new UserError(`the model refuses JSON mode${said}`, { detail: { ...detail, refused: 'response_format' } });
  return new UnrecoverableError(`the AI server rejected the request (HTTP ${status}${said})`, { detail });
}

/** A 200 whose body is not a chat completion is a passing fault (a proxy's error page). */
export function classifyChatCompletion(response: HttpResponse): AimeError | undefined {
  const failure = classifyAiReply(response);
  if (failure) return failure;
  return readCompletion(response.body) ? undefined : new RetryLaterError('the AI server sent an answer that is not a chat completion', { detail: { status: response.status } });
}

export interface Completion {
  readonly content: string;
  readonly model: string | undefined;
  readonly finishReason: string | null;
}

export function readCompletion(body: string): Completion | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const reply = parsed as { model?: unknown; choices?: Array<{ message?: { content?: unknown }; finish_reason?: unknown }> };
  const choice = Array.isArray(reply?.choices) ? reply.choices[0] : undefined;
  const content = choice?.message?.content;
  if (typeof content !== 'string') return undefined;
  return {
    content,
    model: typeof reply.model === 'string' ? reply.model : undefined,
    finishReason: typeof choice?.finish_reason === 'string' ? choice.finish_reason : null,
  };
}

export interface StreamChunk {
  readonly content: string;
  readonly finishReason: string | null;
  readonly model: string | undefined;
}

/** One SSE data payload; a payload that is not JSON means the stream is broken. */
export function readStreamChunk(data: string): StreamChunk {
  let parsed: { model?: unknown; choices?: Array<{ delta?: { content?: unknown }; finish_reason?: unknown }> };
  try {
    parsed = JSON.parse(data) as typeof parsed;
  } catch (error) {
    throw new RetryLaterError('the AI server sent a broken stream', { cause: error });
  }
  const choice = Array.isArray(parsed?.choices) ? parsed.choices[0] : undefined;
  const content = choice?.delta?.content;
  return {
    content: typeof content === 'string' ? content : '',
    finishReason: typeof choice?.finish_reason === 'string' ? choice.finish_reason : null,
    model: typeof parsed?.model === 'string' ? parsed.model : undefined,
  };
}
