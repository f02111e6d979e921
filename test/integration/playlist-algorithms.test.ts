import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILDERS } from '../../src/core/playlists/generate.js';
import type { AlgorithmContext, GeneratedAlgorithm } from '../../src/core/playlists/ports.js';
import { SqlitePlaylistCandidates } from '../../src/db/repositories/playlist-candidates.js';
import { generateListeningDatabase } from '../../bench/generate-listens.js';
import { openDatabase } from '../../src/db/data-source.js';
import { CraftedHistory, at } from '../support/playlist-history.js';

const GAP = 3600; // more than the 30-minute session gap
let dir: string;
let history: CraftedHistory;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-playlists-'));
  history = await CraftedHistory.open(join(dir, 'aime.db'));
});

afterEach(async () => {
  await history.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(algorithm: GeneratedAlgorithm, options: Partial<AlgorithmContext> = {}): Promise<number[]> {
  return BUILDERS[algorithm]({
    candidates: new SqlitePlaylistCandidates(history.db),
    max: 25,
    now: at('2026-07-20T12:00:00Z'),
    timeZone: 'UTC',
    ...options,
  });
}

describe('top_sessions', () => {
  it('walks the longest sessions first, in play order, skipping repeats, up to --max', async () => {
    const t = Array.from({ length: 8 }, (_, i) => history.track({ artist: 'Air', album: 'Moon Safari', title: `Song ${i + 1}` }));
    let clock = at('2026-07-01T10:00:00Z');
    clock = history.session(clock, [t[0]!, t[1]!, t[2]!]) + GAP; // 3 listens
    clock = history.session(clock, [t[3]!, t[4]!, t[0]!, t[5]!, t[3]!]) + GAP; // 5 listens, t3 twice
    history.session(clock, [t[6]!, t[7]!]); // 2 listens
    expect(await run('top_sessions', { max: 5 })).toEqual([t[3], t[4], t[0], t[5], t[1]]);
    expect(await run('top_sessions')).toEqual([t[3], t[4], t[0], t[5], t[1], t[2], t[6], t[7]]);
  });

  it('breaks ties between equal sessions by recency, or reproducibly by a seed', async () => {
    const t = Array.from({ length: 12 }, (_, i) => history.track({ artist: 'Air', title: `Song ${i + 1}` }));
    let clock = at('2026-07-01T10:00:00Z');
    for (let s = 0; s < 6; s++) clock = history.session(clock, [t[2 * s]!, t[2 * s + 1]!]) + GAP;
    expect(await run('top_sessions', { max: 5 })).toEqual([t[10], t[11], t[8], t[9], t[6]]);
    const seeded = await run('top_sessions', { max: 12, seed: 42 });
    expect(await run('top_sessions', { max: 12, seed: 42 })).toEqual(seeded);
    expect([...seeded].sort((a, b) => a - b)).toEqual([...t].sort((a, b) => a - b));
    const orders = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) orders.add((await run('top_sessions', { max: 12, seed })).join(','));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('artist_correlations', () => {
  it('takes the strongest artist pairs in turn, each bringing its artists\u2019 most played tracks', async () => {
    const a1 = history.track({ artist: 'A', title: 'a1' });
    const a2 = history.track({ artist: 'A', title: 'a2' });
    const b1 = history.track({ artist: 'B', title: 'b1' });
    const b2 = history.track({ artist: 'B', title: 'b2' });
    const c1 = history.track({ artist: 'C', title: 'c1' });
    const d1 = history.track({ artist: 'D', title: 'd1' });
    let clock = at('2026-07-01T10:00:00Z');
    for (const session of [[a1, b1], [a2, b1, c1], [a1, b2], [b1, c1], [c1, d1]]) clock = history.session(clock, session) + GAP;
    // Pairs: A–B 3 sessions, B–C 2, then A–C and C–D 1 each.
    expect(await run('artist_correlations', { max: 5 })).toEqual([a1, b1, c1, b2, a2]);
    expect(await run('artist_correlations')).toEqual([a1, b1, c1, b2, a2, d1]);
  });
});

describe('artist_flow', () => {
  it('follows the most frequent next artist, never loops on a cycle, and ends', async () => {
    const a1 = history.track({ artist: 'A', title: 'a1' });
    const a2 = history.track({ artist: 'A', title: 'a2' });
    const b1 = history.track({ artist: 'B', title: 'b1' });
    const c1 = history.track({ artist: 'C', title: 'c1' });
    const d1 = history.track({ artist: 'D', title: 'd1' });
    let clock = at('2026-07-01T10:00:00Z');
    // A→B twice, B→A twice (a cycle), A→C once; then C→A in another session; D alone.
    clock = history.session(clock, [a1, b1, a1, b1, a2, c1]) + GAP;
    clock = history.session(clock, [c1, a1]) + GAP;
    history.session(clock, [d1]);
    expect(await run('artist_flow')).toEqual([a1, b1, c1]);
  });

  it('does not count a move across a silence longer than a session gap', async () => {
    const a1 = history.track({ artist: 'A', title: 'a1' });
    const b1 = history.track({ artist: 'B', title: 'b1' });
    history.listen(a1, at('2026-07-01T10:00:00Z'));
    history.listen(b1, at('2026-07-01T18:00:00Z'));
    await expect(run('artist_flow')).resolves.toEqual([]);
  });
});

describe('time_based', () => {
  it('finds the peak local hour across daylight saving time and fills from the next busiest hours', async () => {
    const p1 = history.track({ artist: 'Night', title: 'p1' });
    const p2 = history.track({ artist: 'Night', title: 'p2' });
    const q1 = history.track({ artist: 'Morning', title: 'q1' });
    const q2 = history.track({ artist: 'Morning', title: 'q2' });
    // 21:xx in Zurich is 19:xx UTC in summer and 20:xx UTC in winter.
    history.listen(p1, at('2026-01-15T20:10:00Z'));
    history.listen(p1, at('2026-01-16T20:10:00Z'));
    history.listen(p1, at('2026-07-10T19:10:00Z'));
    history.listen(p2, at('2026-07-10T19:30:00Z'));
    history.listen(p2, at('2026-07-12T19:30:00Z'));
    // 08:xx in Zurich.
    history.listen(q1, at('2026-07-10T06:00:00Z'));
    history.listen(q1, at('2026-07-11T06:00:00Z'));
    history.listen(q2, at('2026-01-16T07:15:00Z'));
    expect(await run('time_based', { timeZone: 'Europe/Zurich' })).toEqual([p1, p2, q1, q2]);
    // Read in UTC the same plays peak at 19:00, where p2 leads.
    expect(await run('time_based', { timeZone: 'UTC' })).toEqual([p2, p1, q1, q2]);
  });
});

describe('complete_albums', () => {
  it('plays the most played albums whole, in album order, and ignores one song on repeat', async () => {
    const x = [1, 2, 3, 4].map((n) => history.track({ artist: 'A', album: 'X', title: `x${n}`, trackNumber: n }));
    const y1 = history.track({ artist: 'B', album: 'Y', title: 'y1', trackNumber: 1 });
    const z = ['z1', 'z2', 'z3'].map((title) => history.track({ artist: 'C', album: 'Z', title }));
    let clock = at('2026-07-01T10:00:00Z');
    clock = history.session(clock, [z[2]!, z[0]!, z[1]!, z[2]!, z[0]!, z[1]!, z[2]!, z[0]!, z[1]!]) + GAP; // Z: 9 plays, no track numbers
    clock = history.session(clock, [x[1]!, x[1]!, x[1]!, x[2]!, x[2]!, x[0]!]) + GAP; // X: 6 plays over 3 tracks; x4 never played
    history.session(clock, Array.from({ length: 10 }, () => y1)); // Y: 10 plays of one track
    expect(await run('complete_albums', { max: 5 })).toEqual([z[2], z[0], z[1], x[0], x[1]]);
    expect(await run('complete_albums')).toEqual([z[2], z[0], z[1], ...x]);
  });
});

describe('rediscovery', () => {
  it('brings back loved tracks first, then the most played, none heard in the last 30 days', async () => {
    const [r1, r2, r3, r4, r5] = ['r1', 'r2', 'r3', 'r4', 'r5'].map((title) => history.track({ artist: 'A', title }));
    const day = 86_400;
    const now = at('2026-07-20T12:00:00Z');
    history.listen(r1!, now - 60 * day, { loved: true });
    for (let i = 0; i < 5; i++) history.listen(r2!, now - (40 + i) * day);
    for (let i = 0; i < 2; i++) history.listen(r3!, now - (45 + i) * day);
    for (let i = 0; i < 10; i++) history.listen(r4!, now - (5 + i * 10) * day); // played 5 days ago
    history.listen(r5!, now - 2 * day, { loved: true }); // loved but fresh
    expect(await run('rediscovery', { now })).toEqual([r1, r2, r3]);
  });
});

describe('every algorithm on a generated history', () => {
  it('respects --max, never repeats a track, and gives the same list for the same seed', async () => {
    const path = join(dir, 'generated.db');
    await generateListeningDatabase({ path, listens: 20_000, seed: 3 });
    const db = await openDatabase({ path });
    try {
      const candidates = new SqlitePlaylistCandidates(db);
      const context = { candidates, now: Math.floor(Date.now() / 1000), timeZone: 'Europe/Paris' };
      for (const algorithm of ['top_sessions', 'artist_correlations', 'artist_flow', 'time_based', 'complete_albums', 'rediscovery'] as const) {
        for (const max of [5, 200]) {
          const ids = await BUILDERS[algorithm]({ ...context, max, seed: 9 });
          expect(ids.length, `${algorithm} --max ${max}`).toBeGreaterThan(0);
          expect(ids.length, `${algorithm} --max ${max}`).toBeLessThanOrEqual(max);
          expect(new Set(ids).size, `${algorithm} duplicates`).toBe(ids.length);
          expect(await BUILDERS[algorithm]({ ...context, max, seed: 9 }), `${algorithm} seed`).toEqual(ids);
        }
      }
    } finally {
      await db.close();
    }
  });
});
