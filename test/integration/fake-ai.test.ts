// The AI stand-in answers like an OpenAI-compatible Infomaniak endpoint, and fails like one.
import { afterEach, describe, expect, it } from 'vitest';
import { infomaniakBasePath, startFakeAi, type FakeAi } from '../fakes/ai/index.js';

interface Completion {
  id: string;
  object: string;
  model: string;
  choices: Array<{ index: number; message: { role: string; content: string }; finish_reason: string }>;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}
interface OpenAiErrorBody { error: { message: string; type: string; code: string | null; param: string | null } }

const fakes: FakeAi[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function start(...args: Parameters<typeof startFakeAi>): Promise<FakeAi> {
  const fake = await startFakeAi(...args);
  fakes.push(fake);
  return fake;
}

function chat(fake: FakeAi, body: Record<string, unknown>, init: RequestInit = {}): Promise<Response> {
  return fetch(`${fake.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'mistral3', ...body }),
    ...init,
  });
}

function ask(prompt: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { messages: [{ role: 'user', content: prompt }], ...extra };
}

async function content(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  return ((await res.json()) as Completion).choices[0]!.message.content;
}

/** The data payloads of an SSE body, in order. */
function sseData(text: string): string[] {
  return text
    .split('\n\n')
    .flatMap((event) => event.split('\n'))
    .filter((line) => line.startsWith('data: '))
    .map((line) => line.slice(6));
}

const ALBUM_PROMPT =
  "Tu es un expert musical. Décris l'album Blue Lines de Massive Attack en EXACTEMENT entre 1800 et 2000 caractères : contexte historique et culturel, style et influences, paragraphes courts.";

describe('protocol', () => {
  it('requires a Bearer token and answers 401 the OpenAI way', async () => {
    const fake = await start();
    const none = await fetch(`${fake.baseUrl}/models`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as OpenAiErrorBody).error.type).toBe('invalid_request_error');
    const wrong = await fetch(`${fake.baseUrl}/models`, { headers: { authorization: 'Bearer nope' } });
    expect(((await wrong.json()) as OpenAiErrorBody).error.code).toBe('invalid_api_key');
    expect(wrong.status).toBe(401);
  });

  it('lists models under an Infomaniak base path and 404s outside it', async () => {
    const fake = await start({ basePath: infomaniakBasePath(106561), apiKey: 'k' });
    expect(fake.baseUrl).toMatch(/\/2\/ai\/106561\/openai\/v1$/);
    const res = await fetch(`${fake.baseUrl}/models`, { headers: { authorization: 'Bearer k' } });
    const body = (await res.json()) as { object: string; data: Array<{ id: string; object: string }> };
    expect(body.object).toBe('list');
    expect(body.data.map((m) => m.id)).toContain('qwen3');
    const outside = await fetch(`${fake.origin}/v1/models`, { headers: { authorization: 'Bearer k' } });
    expect(outside.status).toBe(404);
  });

  it('returns an OpenAI chat.completion and records what was sent', async () => {
    const fake = await start();
    const res = await chat(fake, ask('Présente moi l’album kid a de radiohead. Limite ta réponse à 35 mots maximum.', { max_tokens: 100 }));
    const body = (await res.json()) as Completion;
    expect(body).toMatchObject({ object: 'chat.completion', model: 'mistral3', choices: [{ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' }] });
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(body.choices[0]!.message.content.split(/\s+/)).toHaveLength(35);
    expect(fake.chatRequests()[0]).toMatchObject({ model: 'mistral3', max_tokens: 100 });
    expect(fake.allPromptText()).toContain('kid a de radiohead');
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
  });

  it('rejects unknown models, out-of-range max_tokens, bad JSON and unsupported response_format', async () => {
    const fake = await start({ modelsRejectingJsonFormat: ['qwen3'] });
    const unknown = await chat(fake, ask('hi', { model: 'gpt-9' }));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as OpenAiErrorBody).error.code).toBe('model_not_found');
    expect((await chat(fake, ask('hi', { max_tokens: 6000 }))).status).toBe(400);
    const jsonFormat = await chat(fake, ask('hi', { model: 'qwen3', response_format: { type: 'json_object' } }));
    expect(((await jsonFormat.json()) as OpenAiErrorBody).error.param).toBe('response_format');
    const broken = await fetch(`${fake.baseUrl}/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${fake.apiKey}` }, body: '{"model":' });
    expect(broken.status).toBe(400);
    expect(fake.requests.at(-1)!.rawBody).toBe('{"model":');
  });
});

describe('default responder', () => {
  it('is deterministic and sizes a 1800–2000 character request a little over the range', async () => {
    const fake = await start();
    const a = await content(await chat(fake, ask(ALBUM_PROMPT, { max_tokens: 750 })));
    const b = await content(await chat(fake, ask(ALBUM_PROMPT, { max_tokens: 750 })));
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(2000);
    expect(a.length).toBeLessThan(2300);
    expect(a).toMatch(/\n\n/);
    expect(a).toMatch(/[éèà]/);
    expect(await content(await chat(fake, ask(`${ALBUM_PROMPT} Autre album.`)))).not.toBe(a);
  });

  it('writes three lines for a haiku and JSON of the requested shape and size', async () => {
    const fake = await start();
    const haiku = await content(await chat(fake, ask('Génère un haïku court sur la musique. Réponds uniquement avec le haïku en 3 lignes.')));
    expect(haiku.split('\n')).toHaveLength(3);
    const search = await content(
      await chat(fake, ask('Retourne UNIQUEMENT un JSON {albums:[{artist, album, year}]} avec 12 albums maximum qui existent réellement.')),
    );
    const parsed = JSON.parse(search) as { albums: Array<{ artist: string; album: string; year: number }> };
    expect(parsed.albums).toHaveLength(12);
    expect(typeof parsed.albums[0]!.artist).toBe('string');
    expect(parsed.albums[0]!.year).toBeGreaterThan(1900);
    const forced = await content(await chat(fake, ask('Recommend something.', { response_format: { type: 'json_object' } })));
    expect(() => JSON.parse(forced) as unknown).not.toThrow();
  });

  it('stops at max_tokens with finish_reason "length"', async () => {
    const fake = await start();
    const res = await chat(fake, ask(ALBUM_PROMPT, { max_tokens: 10 }));
    const body = (await res.json()) as Completion;
    expect(body.choices[0]!.finish_reason).toBe('length');
    expect(body.choices[0]!.message.content.length).toBeLessThanOrEqual(40);
  });

  it('adds <think> blocks and code fences when the style asks, and takes custom responders', async () => {
    const fake = await start({ style: { think: true, fenceJson: true } });
    const text = await content(await chat(fake, ask('Return JSON {name, plays}')));
    expect(text).toMatch(/^<think>\n[\s\S]*\n<\/think>\n\n```json\n\{[\s\S]*\}\n```$/);
    fake.style = {};
    fake.responder = async (request, context) => ({ content: `#${context.requestIndex} ${request.model}`, finishReason: 'stop' });
    expect(await content(await chat(fake, ask('x')))).toBe('#1 mistral3');
  });
});

describe('streaming', () => {
  it('streams the same text as SSE deltas ending with [DONE]', async () => {
    const fake = await start();
    const whole = await content(await chat(fake, ask(ALBUM_PROMPT)));
    const res = await chat(fake, ask(ALBUM_PROMPT, { stream: true, stream_options: { include_usage: true } }));
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const data = sseData(await res.text());
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d) as { choices: Array<{ delta: { content?: string }; finish_reason: string | null }>; usage?: unknown });
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(whole);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('stop');
    expect(chunks.at(-1)!.usage).toBeDefined();
  });
});

describe('faults', () => {
  it('answers 429 with Retry-After, 500 and 503, each once from the queue', async () => {
    const fake = await start({ retryAfterSeconds: 2 });
    fake.faults.queue('rateLimit', 'http500', 'http503');
    const limited = await chat(fake, ask('hi'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(((await limited.json()) as OpenAiErrorBody).error.code).toBe('rate_limit_exceeded');
    expect((await chat(fake, ask('hi'))).status).toBe(500);
    expect((await chat(fake, ask('hi'))).status).toBe(503);
    expect((await chat(fake, ask('hi'))).status).toBe(200);
    expect(fake.requests.map((r) => r.fault)).toEqual(['rateLimit', 'http500', 'http503', undefined]);
  });

  it('sends garbage in plain and streamed answers', async () => {
    const fake = await start();
    fake.faults.queue('garbage', 'garbage');
    const plain = await chat(fake, ask('hi'));
    expect(plain.status).toBe(200);
    await expect(plain.json()).rejects.toThrow(SyntaxError);
    const streamed = sseData(await (await chat(fake, ask('hi', { stream: true }))).text());
    expect(streamed).not.toContain('[DONE]');
    expect(() => streamed.map((d) => JSON.parse(d) as unknown)).toThrow(SyntaxError);
  });

  it('drops the connection mid-answer and mid-stream, or before any answer', async () => {
    const fake = await start();
    fake.faults.queue('drop', 'drop', 'reset');
    await expect((await chat(fake, ask('hi'))).text()).rejects.toThrow();
    const streamed = await chat(fake, ask(ALBUM_PROMPT, { stream: true }));
    expect(streamed.status).toBe(200);
    await expect(streamed.text()).rejects.toThrow();
    await expect(chat(fake, ask('hi'))).rejects.toThrow();
  });

  it('stalls before or during a stream until the client times out', async () => {
    const fake = await start();
    fake.faults.queue('stall', 'stallMidStream');
    await expect(chat(fake, ask('hi'), { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    const res = await chat(fake, ask(ALBUM_PROMPT, { stream: true }), { signal: AbortSignal.timeout(300) });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('data: ');
    await expect(reader.read().then(() => reader.read())).rejects.toThrow();
  });

  it('draws seeded random faults for chat only', async () => {
    const run = async (): Promise<number[]> => {
      const fake = await start({ faults: { probability: 0.4, kinds: ['http500', 'http503'], seed: 11, only: ['chat.completions'] } });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await chat(fake, ask(`q${i}`))).status);
      const models = await fetch(`${fake.baseUrl}/models`, { headers: { authorization: `Bearer ${fake.apiKey}` } });
      expect(models.status).toBe(200);
      return statuses;
    };
    const a = await run();
    expect(await run()).toEqual(a);
    const failed = a.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(22);
  });

  it('goes down for every endpoint and comes back up', async () => {
    const fake = await start();
    fake.down = true;
    expect((await chat(fake, ask('hi'))).status).toBe(503);
    expect((await fetch(`${fake.baseUrl}/models`, { headers: { authorization: `Bearer ${fake.apiKey}` } })).status).toBe(503);
    fake.downFault = 'reset';
    await expect(chat(fake, ask('hi'))).rejects.toThrow();
    fake.down = false;
    expect((await chat(fake, ask('hi'))).status).toBe(200);
    expect(fake.requestCount('chat.completions')).toBe(3);
  });

  it('reports concurrent requests and added latency', async () => {
    const fake = await start({ latencyMs: 80 });
    const started = performance.now();
    await Promise.all([1, 2, 3].map((i) => chat(fake, ask(`p${i}`)).then((r) => r.text())));
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    expect(fake.load.maxInFlight).toBe(3);
  });
});
