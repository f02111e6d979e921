// The real daemon and CLI against the AI fake: album descriptions, haikus, a portrait that
// reaches the terminal while the model is still writing it, and a circuit that opens when
// the server goes down and closes once it answers again.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAi, type FakeAi } from '../fakes/ai/index.js';
import { previousMonthStart, seedLibrary, SPOTIFY_MARK } from '../support/ai-library.js';
import { AIME_BIN, eventually, runCli, testEnv, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterAll);

let fake: FakeAi;
let home: string;
const SECRET = 'ai-secret-Rt93';

beforeAll(async () => {
  fake = await bed.fake(startFakeAi({ apiKey: SECRET, models: ['mistral3', 'qwen3'] }));
  home = bed.home({
    ai: { baseUrl: fake.baseUrl, apiKey: SECRET, model: 'mistral3', timeoutSeconds: 2, circuitCooldownSeconds: 4 },
    http: { retries: 2 },
    lastfm: { apiKey: 'lastfm-secret-Qq11', username: 'someone' },
    timezone: 'UTC',
  });
  await seedLibrary(join(home, 'aime.db'));
  await bed.daemon(home);
});

const json = async (args: string[]) => {
  const result = await runCli(home, [...args, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
};

describe('aime ai', () => {
  it('describes an album, then shows the stored text until --force', async () => {
    const first = await json(['ai', 'describe', 'Massive Attack - Blue Lines']);
    expect(first).toMatchObject({ kind: 'description', album: { title: 'Blue Lines', artist: 'Massive Attack' }, model: 'mistral3', promptVersion: 'description.v1', language: 'fr', cached: false });
    expect((first.text as string).length).toBeGreaterThanOrEqual(1800);
    const again = await runCli(home, ['ai', 'describe', 'blue lines']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(first.text as string);
    expect(again.stderr).toMatch(/mistral3 · description\.v1 · fr · stored \(use --force/);
    expect(await json(['ai', 'describe', String((first.album as { id: number }).id), '--force'])).toMatchObject({ cached: false });
    const short = await json(['ai', 'describe', 'Kid A', '--short']);
    expect((short.text as string).split(/\s+/).length).toBeLessThanOrEqual(35);
    const missing = await runCli(home, ['ai', 'describe', 'No Such Record']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('aime: no album matches "No Such Record" (give its id, its title, or "artist - title")\n');
  });

  it('writes listening and collection haikus, and lists the models', async () => {
    const haiku = await runCli(home, ['ai', 'haiku', '--days', '7']);
    expect(haiku.code).toBe(0);
    expect(haiku.stdout.trim().split('\n')).toHaveLength(3);
    expect(await json(['ai', 'haiku', '--collection'])).toMatchObject({ kind: 'collection-haiku', subject: 'collection', promptVersion: 'collection-haiku.v1' });
    expect(await json(['ai', 'models'])).toEqual({ models: ['mistral3', 'qwen3'], current: 'mistral3' });
    const { month } = previousMonthStart(Math.floor(Date.now() / 1000));
    expect(await json(['ai', 'report', '--month', month])).toMatchObject({ kind: 'monthly-report', subject: month, promptVersion: 'monthly-report.v1' });
    const bad = await runCli(home, ['ai', 'haiku', '--days', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--days must be a whole number/);
  });

  it('streams a portrait to the terminal as the model writes it', async () => {
    fake.streamChunkDelayMs = 4;
    const started = Date.now();
    const arrivals: Array<{ at: number; text: string }> = [];
    const child = spawn(process.execPath, [AIME_BIN, 'ai', 'portrait', 'Massive Attack'], { env: testEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => arrivals.push({ at: Date.now() - started, text: chunk.toString() }));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    fake.streamChunkDelayMs = 0;
    const exitedAt = Date.now() - started;
    expect(code, stderr).toBe(0);
    expect(arrivals.length).toBeGreaterThan(10);
    expect(exitedAt - arrivals[0]!.at).toBeGreaterThan(500);
    const printed = arrivals.map((a) => a.text).join('');
    expect(printed.split(/\s+/).length).toBeGreaterThan(1000);
    expect(stderr).toMatch(/mistral3 · artist-portrait\.v1 · fr/);
    expect(fake.chatRequests().at(-1)).toMatchObject({ stream: true });
  });

  it('describes an album added to the collection in the background', async () => {
    const added = await runCli(home, ['collection', 'add', 'Miles Davis', 'Kind of Blue', '--year', '1959', '--support', 'vinyl', '--spotify-url', `https://open.spotify.com/album/${SPOTIFY_MARK}`]);
    expect(added.code, added.stderr).toBe(0);
    await eventually(async () => ((await json(['ai', 'status'])).background as { described: number }).described === 1, 15_000, 200);
    expect((await json(['ai', 'status'])).background).toMatchObject({ running: true, described: 1, failed: 0, waiting: 0 });
    const stored = await json(['ai', 'describe', 'Miles Davis - Kind of Blue']);
    expect(stored).toMatchObject({ cached: true, promptVersion: 'description.v1', model: 'mistral3' });
    expect(fake.allPromptText()).toContain('« Kind of Blue » de Miles Davis (année 1959');
  });

  it('reports a down server clearly, opens the circuit, and closes it once the server is back', async () => {
    fake.down = true;
    for (let i = 0; i < 3; i++) {
      const failed = await runCli(home, ['ai', 'haiku']);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toBe('aime: the AI server is unavailable (HTTP 503: The engine is currently overloaded, please try again later.)\n');
    }
    const human = await runCli(home, ['ai', 'status']);
    expect(human.stdout).toMatch(/Circuit\s+open until/);
    const open = await json(['ai', 'status']);
    expect(open).toMatchObject({ configured: true, circuit: { state: 'open', consecutiveFailures: 3 }, model: 'mistral3' });
    const requests = fake.requestCount('chat.completions');
    const fast = await runCli(home, ['ai', 'haiku']);
    expect(fast.stderr).toMatch(/^aime: the AI server is unavailable: the circuit is open after 3 failed requests/);
    expect(fake.requestCount('chat.completions')).toBe(requests);

    fake.down = false;
    await eventually(async () => ((await json(['ai', 'status'])).circuit as { state: string }).state === 'half-open', 10_000, 200);
    expect((await runCli(home, ['ai', 'haiku'])).code).toBe(0);
    expect(await json(['ai', 'status'])).toMatchObject({ circuit: { state: 'closed', consecutiveFailures: 0 } });
  });

  it('never sends Spotify data or a secret, and says what to set when AI is not configured', async () => {
    const sent = fake.allPromptText();
    for (const forbidden of [SPOTIFY_MARK, SECRET, 'lastfm-secret-Qq11', 'someone']) expect(sent).not.toContain(forbidden);
    expect((await runCli(home, ['config', 'unset', 'ai.apiKey'])).code).toBe(0);
    const status = await json(['ai', 'status']);
    expect(status).toMatchObject({ configured: false, problem: 'set ai.apiKey (any value for a local server that needs none)' });
    expect(JSON.stringify(status)).not.toContain(SECRET);
    const refused = await runCli(home, ['ai', 'portrait', 'Björk']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('aime: AI is not configured: set ai.apiKey (any value for a local server that needs none)\n');
  });

  it('teaches every command with an example', async () => {
    for (const command of ['describe', 'haiku', 'report', 'portrait', 'status', 'models']) {
      const help = await runCli(home, ['ai', command, '--help']);
      expect(help.code, help.stderr).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`Examples:\\n  \\$ aime ai ${command}`));
    }
  });
});
