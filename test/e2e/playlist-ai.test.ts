// ai_generated through the real CLI and daemon against the local OpenAI-compatible fake:
// the model is offered the most played tracks by id, its made-up and repeated ids are
// dropped, and an answer with nothing usable fails clearly without storing a playlist.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAi, type FakeAi } from '../fakes/ai/index.js';
import { CraftedHistory, at } from '../support/playlist-history.js';
import { runCli, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterAll);

let ai: FakeAi;
let home: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  ai = await bed.fake(startFakeAi());
  home = bed.home({ timezone: 'UTC', ai: { baseUrl: ai.baseUrl, apiKey: ai.apiKey, model: 'mistral3', language: 'en' } });
  const history = await CraftedHistory.open(join(home, 'aime.db'));
  ids.joga = history.track({ artist: 'Björk', album: 'Homogenic', title: 'Jóga' });
  ids.cecilia = history.track({ artist: 'Simon & Garfunkel', album: 'Bridge over Troubled Water', title: 'Cecilia' });
  ids.rehab = history.track({ artist: 'Amy Winehouse', album: 'Back to Black', title: 'Rehab' });
  history.session(at('2026-07-01T20:00:00Z'), [ids.joga, ids.cecilia, ids.rehab, ids.joga]);
  await history.close();
  await bed.daemon(home);
});

/** The ids the prompt offered, from its "id: artist - title (album)" lines. */
function offeredIds(prompt: string): number[] {
  return [...prompt.matchAll(/^(\d+): /gm)].map((match) => Number(match[1]));
}

describe('aime playlist generate ai_generated', () => {
  it('keeps only the offered tracks the model chose, each once, in its order', async () => {
    ai.responder = () => JSON.stringify({ ids: [ids.rehab, 999_999, ids.rehab, 'abc', ids.joga] });
    const result = await runCli(home, ['playlist', 'generate', 'ai_generated', '--prompt', 'rainy Sunday soul', '--name', 'Rain', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const playlist = JSON.parse(result.stdout) as { name: string; algorithm: string; prompt: string; tracks: { position: number; title: string }[] };
    expect(playlist).toMatchObject({ name: 'Rain', algorithm: 'ai_generated', prompt: 'rainy Sunday soul' });
    expect(playlist.tracks.map((t) => [t.position, t.title])).toEqual([[1, 'Rehab'], [2, 'Jóga']]);

    const prompt = ai.allPromptText();
    expect(prompt).toContain('rainy Sunday soul');
    // The most played track is offered first; every track of the library is offered once.
    expect(offeredIds(prompt)).toEqual([ids.joga, ids.cecilia, ids.rehab]);
  });

  it('fails with exit 1 and stores nothing when the answer holds no usable id', async () => {
    const before = JSON.parse((await runCli(home, ['playlist', 'list', '--json'])).stdout) as { items: unknown[] };
    for (const answer of ['Sorry, I cannot help with that.', JSON.stringify({ ids: [424_242, 515_151] })]) {
      ai.responder = () => answer;
      const result = await runCli(home, ['playlist', 'generate', 'ai_generated', '--prompt', 'anything']);
      expect(result.code, answer).toBe(1);
      expect(result.stderr.trim()).toMatch(/^aime: the AI chose none of the tracks/);
    }
    const after = JSON.parse((await runCli(home, ['playlist', 'list', '--json'])).stdout) as { items: unknown[] };
    expect(after.items).toHaveLength(before.items.length);
  });

  it('reports an AI server that keeps failing in one line with exit 1', async () => {
    ai.down = true;
    try {
      const result = await runCli(home, ['playlist', 'generate', 'ai_generated', '--prompt', 'late night']);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      ai.down = false;
    }
  });
});
