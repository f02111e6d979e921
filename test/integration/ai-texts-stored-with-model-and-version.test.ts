// Every AI text kind, written through the real client against the fake server and stored in
// a real SQLite file with the model and prompt version; prompts carry only our own facts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAlbumText } from '../../src/core/ai/album-texts.js';
import { generateCollectionHaiku, generateListeningHaiku, generateMonthlyReport } from '../../src/core/ai/digests.js';
import { describeAlbums, generateAlbumHaikuDeck } from '../../src/core/ai/jobs.js';
import { selectTracksForPrompt } from '../../src/core/ai/playlist-selection.js';
import { writeArtistPortrait } from '../../src/core/ai/portrait.js';
import type { AiDeps } from '../../src/core/ai/ports.js';
import type { AimeConfig } from '../../src/config/config.js';
import { buildAi } from '../../src/wiring/ai.js';
import { openDatabase, type Database } from '../../src/db/data-source.js';
import { HttpClient } from '../../src/integrations/http.js';
import { silentLogger } from '../../src/log.js';
import { startFakeAi, type FakeAi } from '../fakes/ai/index.js';
import { previousMonthStart, seedLibrary, SPOTIFY_MARK } from '../support/ai-library.js';

const SECRETS = { ai: 'ai-key-Zq81', lastfm: 'lastfm-key-Hw27', discogs: 'discogs-token-Pp03', spotify: 'spotify-secret-Lm55' };

let dir: string;
let db: Database;
let fake: FakeAi;
let http: HttpClient;
let deps: AiDeps;
let albums: Map<string, number>;
const now = Math.floor(Date.now() / 1000);

function config(language: 'fr' | 'en'): AimeConfig {
  return {
    ai: { baseUrl: fake.baseUrl, apiKey: SECRETS.ai, model: 'qwen3', language, timeoutSeconds: 5, circuitCooldownSeconds: 60 },
    lastfm: { apiKey: SECRETS.lastfm, username: 'listener-handle', apiUrl: 'http://127.0.0.1:1', pollSeconds: 120 },
    discogs: { token: SECRETS.discogs, username: 'collector-handle', apiUrl: 'http://127.0.0.1:1' },
    spotify: { clientId: 'spotify-client', clientSecret: SECRETS.spotify, apiUrl: 'http://127.0.0.1:1', authUrl: 'http://127.0.0.1:1' },
    timezone: 'UTC',
  } as unknown as AimeConfig;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-ai-texts-'));
  albums = await seedLibrary(join(dir, 'aime.db'), now);
  db = await openDatabase({ path: join(dir, 'aime.db') });
  fake = await startFakeAi({ apiKey: SECRETS.ai, style: { think: true, fenceJson: true } });
  http = new HttpClient({ userAgent: 'aime/test', log: silentLogger(), timeoutMs: 5000, retries: 2, retryBaseMs: 5 });
  deps = buildAi({ values: () => config('fr'), db, http }).deps();
});

afterAll(async () => {
  await http.close();
  await fake.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const row = (sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).get(...params) as Record<string, unknown>;

describe('album texts', () => {
  it('describes an album in 1,800–2,000 characters cut at a sentence, stored with model, prompt version and language', async () => {
    const id = albums.get('Blue Lines')!;
    const text = await writeAlbumText(deps, { album: id });
    expect(text.text.length).toBeGreaterThanOrEqual(1800);
    expect(text.text.length).toBeLessThanOrEqual(2000);
    expect(text.text).toMatch(/[.!?]$/);
    expect(text.text).not.toMatch(/<think>|```/);
    expect(row('SELECT ai_info, ai_info_model, ai_info_prompt_version, ai_info_language, ai_info_at FROM metadata WHERE album_id = ?', id)).toEqual({
      ai_info: text.text, ai_info_model: 'qwen3', ai_info_prompt_version: 'description.v1', ai_info_language: 'fr', ai_info_at: text.createdAt,
    });
    expect(row('SELECT labels FROM metadata WHERE album_id = ?', id).labels).toBe('["Wild Bunch","Circa"]');
  });

  it('returns the stored text until --force, and writes again when the language changes', async () => {
    const id = albums.get('Blue Lines')!;
    const before = fake.requestCount('chat.completions');
    expect((await writeAlbumText(deps, { album: id })).cached).toBe(true);
    expect(fake.requestCount('chat.completions')).toBe(before);
    expect((await writeAlbumText(deps, { album: id, force: true })).cached).toBe(false);
    const english = buildAi({ values: () => config('en'), db, http }).deps();
    const rewritten = await writeAlbumText(english, { album: id });
    expect(rewritten).toMatchObject({ cached: false, language: 'en' });
    expect(fake.allPromptText()).toContain('Describe the album "Blue Lines" by Massive Attack (year 1991; labels: Wild Bunch, Circa; genres: Electronic, Trip Hop; 13 plays)');
  });

  it('presents an album in at most 35 words, stored in resume with its model and version', async () => {
    const id = albums.get('Kid A')!;
    const text = await writeAlbumText(deps, { album: id, kind: 'presentation' });
    expect(text.text.split(/\s+/).length).toBeLessThanOrEqual(35);
    expect(row('SELECT resume, resume_model, resume_prompt_version, resume_language FROM metadata WHERE album_id = ?', id)).toEqual({
      resume: text.text, resume_model: 'qwen3', resume_prompt_version: 'presentation.v1', resume_language: 'fr',
    });
  });

  it('describes the most played albums without a description (the 6-hourly job)', async () => {
    const result = await describeAlbums(deps, { limit: 2, mostPlayedWithoutDescription: true });
    expect(result).toEqual({ described: 2, failed: 0, errors: [] });
    const described = db.sqlite.prepare('SELECT a.title FROM metadata m JOIN albums a ON a.id = m.album_id WHERE m.ai_info IS NOT NULL ORDER BY a.title').all();
    expect(described).toEqual([{ title: 'Blue Lines' }, { title: 'Dummy' }, { title: 'Kid A' }]);
  });
});

describe('texts about periods, the collection and artists', () => {
  const stored = (kind: string) => db.sqlite.prepare('SELECT subject, language, text, model, prompt_version FROM ai_texts WHERE kind = ? ORDER BY id').all(kind) as Record<string, string>[];

  it('writes a listening haiku on the top 5 artists and albums of the last days', async () => {
    const haiku = await generateListeningHaiku(deps, { days: 7 });
    expect(haiku.text.split('\n')).toHaveLength(3);
    expect(stored('listening-haiku').at(-1)).toEqual({ subject: haiku.subject, language: 'fr', text: haiku.text, model: 'qwen3', prompt_version: 'listening-haiku.v1' });
    const prompt = fake.chatRequests().at(-1)!.messages.map((m) => String(m.content)).join('\n');
    expect(prompt).toContain('Artistes principaux : Massive Attack (9 écoutes), Radiohead (6 écoutes), Björk (4 écoutes), Portishead (3 écoutes), Daft Punk (2 écoutes)');
    expect(prompt).not.toContain('Air (');
    expect(prompt).toContain("Nombre total d'écoutes : 25");
  });

  it('writes a collection haiku and the daily deck of presentations', async () => {
    const haiku = await generateCollectionHaiku(deps);
    expect(haiku.text.split('\n')).toHaveLength(3);
    expect(stored('collection-haiku').at(-1)).toMatchObject({ subject: 'collection', model: 'qwen3', prompt_version: 'collection-haiku.v1' });
    const deck = await generateAlbumHaikuDeck(deps, { count: 5 });
    expect(deck.albums.map((album) => album.album.title).sort()).toEqual(['Blue Lines', 'Dummy', 'Homogenic', 'Kid A', 'Moon Safari']);
    expect(deck.albums.every((album) => album.kind === 'presentation' && album.text.split(/\s+/).length <= 35)).toBe(true);
  });

  it("writes last month's report from that month's facts", async () => {
    const { month } = previousMonthStart(now);
    const report = await generateMonthlyReport(deps, { month });
    expect(report.text.split(/\s+/).length).toBeGreaterThan(100);
    expect(stored('monthly-report').at(-1)).toMatchObject({ subject: month, model: 'qwen3', prompt_version: 'monthly-report.v1', text: report.text });
    expect(fake.allPromptText()).toContain('Faits : 17 écoutes sur 7 jours actifs');
  });

  it('streams an artist portrait and stores it whole', async () => {
    const pieces: string[] = [];
    const portrait = await writeArtistPortrait(deps, { artist: 'massive attack', onText: (piece) => pieces.push(piece) });
    expect(pieces.length).toBeGreaterThan(50);
    expect(pieces.join('')).toBe(portrait.text);
    expect(stored('artist-portrait').at(-1)).toMatchObject({ subject: 'massive attack', model: 'qwen3', prompt_version: 'artist-portrait.v1', text: portrait.text });
    expect(fake.chatRequests().at(-1)).toMatchObject({ stream: true });
    expect(fake.allPromptText()).toContain("Dans la collection de l'auditeur (albums : 1, écoutes : 13) :\n- Blue Lines (1991) — Electronic : ");
  });
});

describe('a playlist chosen from a prompt', () => {
  const candidates = [10, 11, 12, 13, 14].map((id) => ({ id, artist: `Artist ${id}`, title: `Song ${id}`, album: null }));

  it('keeps only candidate ids, each once, in the model order, at most max', async () => {
    fake.responder = () => '{"ids": [12, 99, 10, "12", 11, 7, 10, 13]}';
    try {
      const selection = await selectTracksForPrompt(deps, { prompt: 'late night trip hop', candidates, max: 3 });
      expect(selection).toEqual({ trackIds: [12, 10, 11], unknown: 2, duplicates: 2, model: 'qwen3', promptVersion: 'playlist-selection.v1' });
      expect(fake.chatRequests().at(-1)!.response_format).toEqual({ type: 'json_object' });
      fake.responder = () => 'Voici ma sélection : 14, 14, 3, 13';
      expect((await selectTracksForPrompt(deps, { prompt: 'x', candidates, max: 10 })).trackIds).toEqual([14, 13]);
      fake.responder = () => '{"ids": [1, 2]}';
      await expect(selectTracksForPrompt(deps, { prompt: 'x', candidates, max: 10 })).rejects.toThrow('the AI chose none of the tracks it was offered');
    } finally {
      fake.responder = (await import('../fakes/ai/index.js')).defaultResponder;
    }
  });
});

describe('privacy', () => {
  it('sends only our own facts: no Spotify data, no secret, no user name', () => {
    const sent = fake.allPromptText();
    expect(sent.length).toBeGreaterThan(5000);
    for (const forbidden of [SPOTIFY_MARK, 'spotify', ...Object.values(SECRETS), 'listener-handle', 'collector-handle']) {
      expect(sent.toLowerCase()).not.toContain(forbidden.toLowerCase());
    }
    for (const request of fake.requests) expect(request.rawBody).not.toContain(SECRETS.ai);
  });
});
