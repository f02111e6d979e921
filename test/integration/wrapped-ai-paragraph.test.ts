// The year's paragraph, written through the real AI client against the fake server: short,
// from our own facts only, and never asked for when the year has nothing to tell.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AimeConfig } from '../../src/config/config.js';
import type { YearInReview } from '../../src/core/wrapped/model.js';
import { PARAGRAPH_WORDS, writeYearParagraph } from '../../src/core/wrapped/narration.js';
import { HttpClient } from '../../src/integrations/http.js';
import { silentLogger } from '../../src/log.js';
import { buildAi, type AiParts } from '../../src/wiring/ai.js';
import { startFakeAi, type FakeAi } from '../fakes/ai/index.js';
import { openWrappedFixture, TOP_ARTIST, WRAPPED_ZONE, type WrappedFixtureDatabase } from '../support/wrapped-fixture.js';

let dir: string;
let fixture: WrappedFixtureDatabase;
let fake: FakeAi;
let http: HttpClient;
let ai: AiParts;
let year: YearInReview;
let empty: YearInReview;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-wrapped-ai-'));
  fixture = await openWrappedFixture(join(dir, 'aime.db'));
  year = await fixture.review({ year: 2025 });
  empty = await fixture.review({ year: 2019 });
  fake = await startFakeAi({ apiKey: 'ai-key', style: { think: true } });
  http = new HttpClient({ userAgent: 'aime/test', log: silentLogger(), timeoutMs: 5000, retries: 2, retryBaseMs: 5 });
  const values = {
    ai: { baseUrl: fake.baseUrl, apiKey: 'ai-key', model: 'mistral3', language: 'en', timeoutSeconds: 5, circuitCooldownSeconds: 60 },
    timezone: WRAPPED_ZONE,
  } as unknown as AimeConfig;
  ai = buildAi({ values: () => values, db: fixture.db, http });
});

afterAll(async () => {
  await http.close();
  await fake.close();
  await fixture.db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the AI paragraph of the year', () => {
  it('is one short paragraph with the model that wrote it, from the report\'s own figures', async () => {
    fake.resetRecords();
    const paragraph = await writeYearParagraph(ai.client, year, 'en');
    expect(paragraph?.model).toBe('mistral3');
    expect(paragraph?.text).not.toContain('<think>');
    expect(paragraph!.text.split(/\s+/).length).toBeLessThanOrEqual(PARAGRAPH_WORDS);
    expect(paragraph!.text.length).toBeGreaterThan(20);
    const prompt = fake.allPromptText();
    expect(prompt).toContain(`${PARAGRAPH_WORDS} words at most`);
    expect(prompt).toContain('20 plays, 1.5 hours, 9 active days out of 365.');
    expect(prompt).toContain(`${TOP_ARTIST} (8 plays)`);
    expect(prompt).toContain('played start to end 2 times');
    // Only our own facts: no source names, no picture or cover addresses.
    expect(prompt).not.toMatch(/spotify|scdn|coverart|discogs|https?:/i);
  });

  it('writes French when the language is French', async () => {
    fake.resetRecords();
    await writeYearParagraph(ai.client, year, 'fr');
    expect(fake.allPromptText()).toContain('20 écoutes, 1.5 heures, 9 jours actifs sur 365.');
  });

  it('asks nothing for a year without listens', async () => {
    fake.resetRecords();
    expect(await writeYearParagraph(ai.client, empty, 'en')).toBeNull();
    expect(fake.requestCount()).toBe(0);
  });
});
