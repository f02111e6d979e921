// New albums get a description in the background: queued as rows (so a restart keeps them),
// described one by one, and a failure is recorded with its retry time in enrichment_attempts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AimeConfig } from '../../src/config/config.js';
import { AlbumDescriber } from '../../src/daemon/services/album-describer.js';
import { systemClock } from '../../src/core/ports.js';
import { buildAi, type AiParts } from '../../src/wiring/ai.js';
import { openDatabase, type Database } from '../../src/db/data-source.js';
import { SqliteDescriptionAttempts } from '../../src/db/repositories/ai-texts.js';
import { HttpClient } from '../../src/integrations/http.js';
import { silentLogger } from '../../src/log.js';
import { startFakeAi, type FakeAi } from '../fakes/ai/index.js';
import { seedLibrary } from '../support/ai-library.js';
import { eventually } from '../support/daemon.js';

let dir: string;
let db: Database;
let fake: FakeAi;
let http: HttpClient;
let albums: Map<string, number>;
let apiKey: string | undefined;
const describers: AlbumDescriber[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-ai-describer-'));
  albums = await seedLibrary(join(dir, 'aime.db'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  fake = await startFakeAi();
  apiKey = fake.apiKey;
  http = new HttpClient({ userAgent: 'aime/test', log: silentLogger(), timeoutMs: 2000, retries: 1, retryBaseMs: 5 });
});

afterEach(async () => {
  await Promise.all(describers.splice(0).map((d) => d.stop()));
  await http.close();
  await fake.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

function describer(): { describer: AlbumDescriber; ai: AiParts } {
  const values = () => ({ ai: { baseUrl: fake.baseUrl, apiKey, model: 'mistral3', language: 'fr', timeoutSeconds: 2, circuitCooldownSeconds: 60 }, timezone: 'UTC' }) as unknown as AimeConfig;
  const ai = buildAi({ values, db, http });
  const created = new AlbumDescriber({
    ai: ai.deps,
    clock: systemClock,
    attempts: new SqliteDescriptionAttempts(db),
    missingConfiguration: ai.problem,
    aiWaitMs: () => ai.client.waitMs(),
    paceMs: 10,
    idleMs: 60_000,
  });
  describers.push(created);
  return { describer: created, ai };
}

const attempt = (albumId: number) =>
  db.sqlite.prepare(`SELECT status, attempts, last_error, next_retry_at, last_attempt_at FROM enrichment_attempts WHERE entity_id = ? AND provider = 'ai-description'`).get(albumId) as
    | { status: string; attempts: number; last_error: string | null; next_retry_at: number | null; last_attempt_at: number }
    | undefined;
const description = (albumId: number) => (db.sqlite.prepare('SELECT ai_info, ai_info_prompt_version FROM metadata WHERE album_id = ?').get(albumId) as { ai_info: string | null; ai_info_prompt_version: string | null });

it('describes albums as they are created, and records a failure with its retry time', async () => {
  const { describer: background } = describer();
  await background.start(new AbortController().signal);
  const blueLines = albums.get('Blue Lines')!;
  background.albumsCreated([blueLines]);
  await eventually(() => attempt(blueLines)?.status === 'success');
  expect(description(blueLines)).toMatchObject({ ai_info_prompt_version: 'description.v1' });
  expect(description(blueLines).ai_info!.length).toBeGreaterThanOrEqual(1800);

  fake.down = true;
  const kidA = albums.get('Kid A')!;
  background.albumsCreated([kidA]);
  const failed = await eventually(() => (attempt(kidA)?.status === 'failed' ? attempt(kidA) : undefined));
  expect(failed).toMatchObject({ attempts: 1, last_error: expect.stringContaining('HTTP 503') });
  expect(failed.next_retry_at! - failed.last_attempt_at).toBe(600);
  expect(description(kidA).ai_info).toBeNull();
  expect(background.report()).toMatchObject({ running: true, details: { described: 1, failed: 1 } });
  expect(await background.waiting()).toBe(1);
});

it('keeps queued albums across a restart, and queues nothing while AI is not configured', async () => {
  const dummy = albums.get('Dummy')!;
  apiKey = undefined;
  const unconfigured = describer().describer;
  unconfigured.albumsCreated([albums.get('Moon Safari')!]);
  apiKey = fake.apiKey;
  const first = describer().describer;
  first.albumsCreated([dummy]);
  await eventually(() => attempt(dummy)?.status === 'pending');
  const next = describer().describer;
  await next.start(new AbortController().signal);
  await eventually(() => attempt(dummy)?.status === 'success');
  expect(attempt(albums.get('Moon Safari')!)).toBeUndefined();
  expect(fake.requestCount('chat.completions')).toBe(1);
});
