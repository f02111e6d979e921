// The AI client against the OpenAI-compatible fake: model habits removed, streaming, retries
// (429 with Retry-After, 5xx, stalls), JSON mode fallback, and a circuit that closes again.
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, RetryLaterError, UserError } from '../../src/core/errors.js';
import { CircuitBreaker } from '../../src/integrations/ai/breaker.js';
import { AiClient } from '../../src/integrations/ai/client.js';
import { HttpClient } from '../../src/integrations/http.js';
import { silentLogger } from '../../src/log.js';
import { infomaniakBasePath, startFakeAi, type FakeAi } from '../fakes/ai/index.js';

const fakes: FakeAi[] = [];
const clients: HttpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const clock = { at: 1_800_000_000_000, now() { return this.at; } };

async function setUp(options: Parameters<typeof startFakeAi>[0] = {}, settings: { key?: string; timeoutMs?: number } = {}) {
  const fake = await startFakeAi({ basePath: infomaniakBasePath(106561), ...options });
  fakes.push(fake);
  const http = new HttpClient({ userAgent: 'aime/test', log: silentLogger(), timeoutMs: 5000, retries: 3, retryBaseMs: 5 });
  clients.push(http);
  const breaker = new CircuitBreaker({ failures: 3, cooldownMs: 30_000, clock });
  const client = new AiClient({
    http,
    breaker,
    settings: () => ({ baseUrl: fake.baseUrl, apiKey: settings.key ?? fake.apiKey, model: 'mistral3', timeoutMs: settings.timeoutMs ?? 2000 }),
  });
  return { fake, client };
}

const ask = (content: string, extra: { json?: boolean; maxTokens?: number } = {}) => ({ messages: [{ role: 'user' as const, content }], maxTokens: extra.maxTokens ?? 800, json: extra.json });
const LONG = "Décris l'album Blue Lines de Massive Attack en EXACTEMENT entre 1800 et 2000 caractères, en paragraphes courts.";

describe('answers', () => {
  it('come without <think> blocks or code fences, whole or streamed', async () => {
    const { fake, client } = await setUp({ style: { think: true, fenceJson: true, sseComments: true } });
    const json = await client.ask(ask('Réponds uniquement avec un objet JSON {"ids": [12, 5]} avec 3 morceaux.', { json: true }));
    expect(json.text).not.toMatch(/<think>|```/);
    expect(JSON.parse(json.text)).toHaveProperty('ids');
    expect(json.model).toBe('mistral3');

    const whole = await client.ask(ask(LONG));
    const pieces: string[] = [];
    const streamed = await client.stream(ask(LONG), (piece) => pieces.push(piece));
    expect(pieces.length).toBeGreaterThan(20);
    expect(pieces.join('')).toBe(streamed.text);
    expect(streamed.text).toBe(whole.text);
    expect(pieces.join('')).not.toContain('think');
    expect(fake.chatRequests().at(-1)).toMatchObject({ stream: true, model: 'mistral3', max_tokens: 800 });
  });

  it('are asked again without JSON mode when the model refuses it', async () => {
    const { fake, client } = await setUp({ modelsRejectingJsonFormat: ['mistral3'] });
    const answer = await client.ask(ask('Return a JSON object {"ids": [1, 2]} with 2 tracks.', { json: true }));
    expect(JSON.parse(answer.text)).toHaveProperty('ids');
    const formats = fake.chatRequests().map((request) => request.response_format?.type ?? null);
    expect(formats).toEqual(['json_object', null]);
    await client.ask(ask('Return a JSON object {"ids": [1]} with 1 tracks.', { json: true }));
    expect(fake.chatRequests().at(-1)!.response_format).toBeUndefined();
  });

  it('list the server models', async () => {
    const { client } = await setUp({ models: ['qwen3', 'mistral3'] });
    expect(await client.models()).toEqual(['mistral3', 'qwen3']);
  });
});

describe('passing failures', () => {
  it('are retried: 429 after its Retry-After, 500 and 503 with backoff', async () => {
    const { fake, client } = await setUp({ retryAfterSeconds: 1 });
    fake.faults.queue('rateLimit', 'http500', 'http503');
    const started = performance.now();
    const answer = await client.ask(ask('Génère un haïku court. Réponds en 3 lignes.'));
    expect(answer.text.split('\n')).toHaveLength(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.requests.map((r) => r.fault)).toEqual(['rateLimit', 'http500', 'http503', undefined]);
  });

  it('time out a stalled server, and a stream that stops mid-answer fails clearly', async () => {
    const { fake, client } = await setUp({}, { timeoutMs: 300 });
    fake.faults.queue('stall');
    expect((await client.ask(ask('Génère un haïku court. Réponds en 3 lignes.'))).text.split('\n')).toHaveLength(3);
    expect(fake.requestCount('chat.completions')).toBe(2);

    fake.faults.queue('stallMidStream');
    const pieces: string[] = [];
    const failure = await client.stream(ask(LONG), (piece) => pieces.push(piece)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RetryLaterError);
    expect((failure as Error).message).toMatch(/stopped in the middle of its answer/);
    expect(pieces.join('').length).toBeGreaterThan(0);
  });

  it('name a server that is gone or silent as the AI server', async () => {
    const { fake, client } = await setUp({}, { timeoutMs: 300 });
    fake.downFault = 'stall';
    fake.down = true;
    await expect(client.ask(ask('x'))).rejects.toThrow(/^the AI server did not answer \(127\.0\.0\.1:\d+ did not answer within \d+ s\)$/);
    await fake.close();
    await expect(client.ask(ask('x'))).rejects.toThrow(/^the AI server did not answer \(network error \(ECONNREFUSED\)/);
  });

  it('restart a broken stream that had shown nothing yet', async () => {
    const { fake, client } = await setUp();
    fake.faults.queue('garbage');
    const pieces: string[] = [];
    const answer = await client.stream(ask(LONG), (piece) => pieces.push(piece));
    expect(pieces.join('')).toBe(answer.text);
    expect(fake.requestCount('chat.completions')).toBe(2);
  });
});

describe('the circuit breaker', () => {
  it('opens when the server stays down, fails fast, then closes once it answers again', async () => {
    const { fake, client } = await setUp();
    fake.down = true;
    for (let i = 0; i < 3; i++) {
      const error = await client.ask(ask('Génère un haïku.')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RetryLaterError);
      expect((error as Error).message).toBe('the AI server is unavailable (HTTP 503: The engine is currently overloaded, please try again later.)');
    }
    expect(fake.requestCount('chat.completions')).toBe(12);
    expect(client.circuit()).toMatchObject({ state: 'open', consecutiveFailures: 3 });

    const fast = await client.ask(ask('Génère un haïku.')).catch((e: unknown) => e);
    expect((fast as Error).message).toMatch(/^the AI server is unavailable: the circuit is open after 3 failed requests \(last error: .*HTTP 503.*\); next try in 30 s$/);
    expect(fake.requestCount('chat.completions')).toBe(12);

    clock.at += 30_000;
    expect(client.circuit().state).toBe('half-open');
    await expect(client.ask(ask('Génère un haïku.'))).rejects.toThrow(RetryLaterError);
    expect(client.circuit().state).toBe('open');

    fake.down = false;
    clock.at += 30_000;
    const answer = await client.ask(ask('Génère un haïku court. Réponds en 3 lignes.'));
    expect(answer.text.split('\n')).toHaveLength(3);
    expect(client.circuit()).toMatchObject({ state: 'closed', consecutiveFailures: 0, openedAt: null });
  });

  it('stays closed for a refused key or an unknown model, which say the server is up', async () => {
    const { client } = await setUp({}, { key: 'wrong' });
    for (let i = 0; i < 4; i++) await expect(client.ask(ask('x'))).rejects.toThrow(AuthError);
    expect(client.circuit()).toMatchObject({ state: 'closed', lastError: 'the AI server refused the API key (HTTP 401); check ai.apiKey' });
    const { fake, client: other } = await setUp();
    fake.models = ['qwen3'];
    await expect(other.ask(ask('x'))).rejects.toThrow(UserError);
    expect(other.circuit().state).toBe('closed');
  });
});
