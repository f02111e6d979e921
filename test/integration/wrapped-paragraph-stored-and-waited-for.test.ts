// The year's AI paragraph as the daemon settles it: through the real AI client against the
// fake server and a real SQLite file — stored with model and prompt version and not asked
// for again, asked again with force or when the figures change, never waited for longer
// than the wait (and then stored for the next run), one request for two runs at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AimeConfig } from '../../src/config/config.js';
import type { YearInReview } from '../../src/core/wrapped/model.js';
import { paragraphSubject, YearNarrator, type NarrationRequest } from '../../src/core/wrapped/paragraph.js';
import { SqliteWrappedParagraphs } from '../../src/db/repositories/wrapped-paragraphs.js';
import { HttpClient } from '../../src/integrations/http.js';
import { silentLogger } from '../../src/log.js';
import { buildAi, type AiParts } from '../../src/wiring/ai.js';
import { startFakeAi, type FakeAi } from '../fakes/ai/index.js';
import { eventually } from '../support/daemon.js';
import { openWrappedFixture, WRAPPED_ZONE, type WrappedFixtureDatabase } from '../support/wrapped-fixture.js';

let dir: string;
let fixture: WrappedFixtureDatabase;
let fake: FakeAi;
let http: HttpClient;
let ai: AiParts;
let year: YearInReview;
let values: { ai: Record<string, unknown>; timezone: string };
let failures: unknown[];

const ASK: NarrationRequest = { ai: true, force: false, language: 'en', waitMs: 5000, giveUpMs: 10_000 };

function narrator(): YearNarrator {
  return new YearNarrator({ writer: ai.client, store: new SqliteWrappedParagraphs(fixture.db), clock: { now: () => Date.now() }, problem: ai.problem, onFailure: (error) => failures.push(error) });
}

function storedRows(): { subject: string; model: string; prompt_version: string; language: string }[] {
  return fixture.db.sqlite.prepare(`SELECT subject, model, prompt_version, language FROM ai_texts WHERE kind = 'wrapped-paragraph' ORDER BY id`).all() as never;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-wrapped-narrator-'));
  fixture = await openWrappedFixture(join(dir, 'aime.db'));
  year = await fixture.review({ year: 2025 });
  fake = await startFakeAi({ apiKey: 'ai-key' });
  http = new HttpClient({ userAgent: 'aime/test', log: silentLogger(), timeoutMs: 20_000, retries: 0, retryBaseMs: 5 });
  values = { ai: { baseUrl: fake.baseUrl, apiKey: 'ai-key', model: 'mistral3', language: 'en', timeoutSeconds: 20, circuitCooldownSeconds: 60 }, timezone: WRAPPED_ZONE };
  ai = buildAi({ values: () => values as unknown as AimeConfig, db: fixture.db, http });
});

beforeEach(() => {
  fixture.db.sqlite.exec(`DELETE FROM ai_texts WHERE kind = 'wrapped-paragraph'`);
  fake.resetRecords();
  fake.latencyMs = 0;
  fake.down = false;
  failures = [];
});

afterAll(async () => {
  await http.close();
  await fake.close();
  await fixture.db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the paragraph of a year in review', () => {
  it('is written once, stored with its model and prompt version, then shown from the store without asking', async () => {
    const first = await narrator().narrate(year, ASK);
    expect(first.paragraph).toEqual({ status: 'written', message: null });
    expect(first.ai?.model).toBe('mistral3');
    expect(first.listens).toBe(20);
    expect(storedRows()).toEqual([{ subject: paragraphSubject(year, 'en'), model: 'mistral3', prompt_version: 'wrapped-paragraph.v1', language: 'en' }]);
    expect(storedRows()[0]!.subject).toMatch(/^2025-01-01\.\.2025-12-31 [0-9a-f]{16}$/);

    const again = await narrator().narrate(year, ASK);
    expect(again.paragraph.status).toBe('stored');
    expect(again.ai).toEqual(first.ai);
    expect(fake.requestCount('chat.completions')).toBe(1);
  });

  it('is asked for again with force, for other figures, and in another language', async () => {
    await narrator().narrate(year, ASK);
    expect((await narrator().narrate(year, { ...ASK, force: true })).paragraph.status).toBe('written');
    const other = await fixture.review({ from: '2025-02-14', to: '2025-03-01' });
    expect((await narrator().narrate(other, ASK)).paragraph.status).toBe('written');
    expect((await narrator().narrate(year, { ...ASK, language: 'fr' })).paragraph.status).toBe('written');
    expect(fake.requestCount('chat.completions')).toBe(4);
    // The same figures reached through another request are the same subject.
    const sameYear = await fixture.review({ from: '2025-01-01', to: '2025-12-31' });
    expect((await narrator().narrate({ ...sameYear, year: 2025 }, ASK)).paragraph.status).toBe('stored');
  });

  it('is not waited for longer than the wait: the figures come without it, and it is stored when it arrives', async () => {
    fake.latencyMs = 1500;
    const one = narrator();
    const started = Date.now();
    const late = await one.narrate(year, { ...ASK, waitMs: 200 });
    expect(Date.now() - started).toBeLessThan(1200);
    expect(late.ai).toBeNull();
    expect(late.paragraph.status).toBe('late');
    expect(late.paragraph.message).toMatch(/did not answer within 0.2 s \(wrapped.aiWaitSeconds\).*next run/);
    expect(late.topArtists).toEqual(year.topArtists);
    await eventually(() => storedRows().length === 1, 10_000);
    expect((await one.narrate(year, ASK)).paragraph.status).toBe('stored');
    expect(fake.requestCount('chat.completions')).toBe(1);
  });

  it('still being written is abandoned when the process stops, without a failure to report', async () => {
    fake.latencyMs = 5000;
    const one = narrator();
    expect((await one.narrate(year, { ...ASK, waitMs: 100 })).paragraph.status).toBe('late');
    expect(one.inProgress).toBe(1);
    one.abandonAll();
    await eventually(() => one.inProgress === 0, 2000);
    expect(failures).toEqual([]);
    expect(storedRows()).toEqual([]);
    // Later paragraphs are written again.
    fake.latencyMs = 0;
    expect((await one.narrate(year, ASK)).paragraph.status).toBe('written');
  });

  it('is one request for two runs asking at once', async () => {
    fake.latencyMs = 500;
    const one = narrator();
    const [first, second] = await Promise.all([one.narrate(year, ASK), one.narrate(year, ASK)]);
    expect([first.paragraph.status, second.paragraph.status]).toEqual(['written', 'written']);
    expect(second.ai).toEqual(first.ai);
    expect(fake.requestCount('chat.completions')).toBe(1);
    expect(storedRows()).toHaveLength(1);
  });

  it('is left out, saying why, when the AI fails, is not configured, not wanted, or has nothing to tell', async () => {
    fake.down = true;
    const failed = await narrator().narrate(year, ASK);
    expect(failed.paragraph.status).toBe('failed');
    expect(failed.paragraph.message).toMatch(/^no AI paragraph: /);
    expect(failures).toHaveLength(1);
    expect(storedRows()).toEqual([]);
    fake.down = false;

    fake.resetRecords();
    expect((await narrator().narrate(year, { ...ASK, ai: false })).paragraph).toEqual({ status: 'off', message: null });
    expect((await narrator().narrate(await fixture.review({ year: 2019 }), ASK)).paragraph).toEqual({ status: 'nothing-to-tell', message: null });
    const key = values.ai.apiKey;
    values.ai.apiKey = undefined;
    try {
      const unconfigured = await narrator().narrate(year, ASK);
      expect(unconfigured.paragraph.status).toBe('not-configured');
      expect(unconfigured.paragraph.message).toMatch(/set ai\.apiKey/);
    } finally {
      values.ai.apiKey = key;
    }
    expect(fake.requestCount('chat.completions')).toBe(0);
  });
});
