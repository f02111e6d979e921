// What goes on the wire: OpenAI-style completions, SSE chunks, error bodies and faults.
import type { ServerResponse } from 'node:http';
import { delay, dropMidResponse, GARBAGE_BODY, resetConnection, sendJson, sendText } from '../lastfm/http-server.js';
import type { AiFaultKind, AiStyle } from './types.js';

export interface Completion {
  readonly id: string;
  readonly model: string;
  readonly content: string;
  readonly finishReason: 'stop' | 'length';
  readonly promptTokens: number;
}

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Applies the model's habits, then cuts at max_tokens like a real model would. */
export function shapeContent(raw: string, style: AiStyle, maxTokens: number | undefined, prompt: string): { content: string; finishReason: 'stop' | 'length' } {
  let content = raw;
  const trimmed = raw.trim();
  if (style.fenceJson && (trimmed.startsWith('{') || trimmed.startsWith('['))) content = `\`\`\`json\n${trimmed}\n\`\`\``;
  if (style.preamble) content = `${style.preamble}\n\n${content}`;
  if (style.think) {
    const topic = prompt.replace(/\s+/g, ' ').slice(0, 80);
    content = `<think>\nThe user asks: "${topic}". I should answer in the requested form and length.\n</think>\n\n${content}`;
  }
  if (maxTokens !== undefined && estimateTokens(content) > maxTokens) {
    return { content: content.slice(0, maxTokens * 4), finishReason: 'length' };
  }
  return { content, finishReason: 'stop' };
}

function usage(c: Completion): Record<string, number> {
  const completion = estimateTokens(c.content);
  return { prompt_tokens: c.promptTokens, completion_tokens: completion, total_tokens: c.promptTokens + completion };
}

export function completionBody(c: Completion): Record<string, unknown> {
  return {
    id: c.id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: c.model,
    choices: [{ index: 0, message: { role: 'assistant', content: c.content }, finish_reason: c.finishReason }],
    usage: usage(c),
  };
}

/** A few words per chunk, as models stream them. */
export function splitIntoChunks(text: string): string[] {
  const pieces = text.match(/\S+\s*|\s+/g) ?? [];
  const chunks: string[] = [];
  for (let i = 0; i < pieces.length; i += 3) chunks.push(pieces.slice(i, i + 3).join(''));
  return chunks;
}

function chunkEvent(c: Completion, delta: Record<string, string>, finish: string | null): string {
  const body = {
    id: c.id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: c.model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

/** Every SSE event of a streamed completion, [DONE] included. */
export function streamEvents(c: Completion, style: AiStyle, includeUsage: boolean): string[] {
  const events: string[] = [];
  if (style.sseComments) events.push(': keep-alive\n\n');
  events.push(chunkEvent(c, { role: 'assistant', content: '' }, null));
  for (const piece of splitIntoChunks(c.content)) events.push(chunkEvent(c, { content: piece }, null));
  events.push(chunkEvent(c, {}, c.finishReason));
  if (includeUsage) {
    events.push(`data: ${JSON.stringify({ id: c.id, object: 'chat.completion.chunk', model: c.model, choices: [], usage: usage(c) })}\n\n`);
  }
  events.push('data: [DONE]\n\n');
  return events;
}

export function startStream(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
}

export async function writeStream(res: ServerResponse, events: readonly string[], chunkDelayMs: number): Promise<void> {
  startStream(res);
  for (const event of events) {
    if (res.destroyed) return;
    res.write(event);
    await delay(chunkDelayMs);
  }
  res.end();
}

export function openAiError(
  res: ServerResponse,
  status: number,
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
  headers: Readonly<Record<string, string>> = {},
): void {
  sendJson(res, status, { error: { message, type, param, code } }, headers);
}

/** Serves a fault; `real` gives the body or the stream events a healthy answer would have had. */
export function serveAiFault(
  res: ServerResponse,
  fault: AiFaultKind,
  retryAfterSeconds: number,
  real: () => { json: string } | { events: readonly string[] },
): void {
  switch (fault) {
    case 'rateLimit':
      openAiError(res, 429, 'Rate limit reached for requests. Please try again later.', 'requests', 'rate_limit_exceeded', null, {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-limit-requests': '60',
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': `${retryAfterSeconds}s`,
      });
      return;
    case 'http500':
      openAiError(res, 500, 'The server had an error while processing your request. Sorry about that!', 'server_error', null);
      return;
    case 'http503':
      openAiError(res, 503, 'The engine is currently overloaded, please try again later.', 'server_error', 'service_unavailable');
      return;
    case 'stall':
      return;
    case 'reset':
      resetConnection(res);
      return;
    case 'stallMidStream':
    case 'drop':
    case 'garbage': {
      const answer = real();
      if ('json' in answer) {
        if (fault === 'garbage') sendText(res, 200, 'application/json', GARBAGE_BODY);
        else if (fault === 'drop') dropMidResponse(res, 'application/json', answer.json);
        else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.flushHeaders();
        }
        return;
      }
      startStream(res);
      if (fault === 'garbage') {
        res.end(`data: {"choices":[{"delta":{"content":\n\ndata: ${GARBAGE_BODY}\n\n`);
        return;
      }
      // Both send the first events, then one cuts the connection and the other goes silent.
      for (const event of answer.events.slice(0, 3)) res.write(event);
      if (fault === 'drop') setTimeout(() => res.socket?.destroy(), 5);
      return;
    }
  }
}
