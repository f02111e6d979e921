import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/core/ports.js';
import { generatePlaylist } from '../src/core/playlists/generate.js';
import { GENERATED_ALGORITHMS } from '../src/core/playlists/ports.js';
import { openDatabase } from '../src/db/data-source.js';
import { SqlitePlaylistCandidates } from '../src/db/repositories/playlist-candidates.js';
import { SqlitePlaylists } from '../src/db/repositories/playlists.js';
import { playlistAi } from '../src/daemon/features/playlists.js';
import { CircuitBreaker } from '../src/integrations/ai/breaker.js';
import { AiClient } from '../src/integrations/ai/client.js';
import { HttpClient } from '../src/integrations/http.js';
import { createLogger } from '../src/log.js';
import { startFakeAi } from '../test/fakes/ai/index.js';
import { generateListeningDatabase } from './generate-listens.js';
import { median, round, type Benchmark, type BenchResult } from './types.js';

const LISTENS = 1_000_000;
const TARGET_MS = 1000;
const RUNS = 3;

/**
 * Every playlist algorithm on 1,000,000 listens, in process: read the aggregates, choose
 * the tracks, store the playlist and read it back (median of 3, --max 25 and 200, a new
 * seed each run so no answer is cached). ai_generated asks the local AI fake (no latency).
 */
export const playlistsBenchmark: Benchmark = {
  group: 'playlists',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'aime-bench-playlists-'));
    const ai = await startFakeAi();
    const http = new HttpClient({ userAgent: 'aime-bench', log: await createLogger({ level: 'silent', secrets: [], pretty: false }), timeoutMs: 10_000, retries: 0, retryBaseMs: 20 });
    try {
      const path = join(dir, 'aime.db');
      const counts = await generateListeningDatabase({ path, listens: LISTENS, seed: 11 });
      const db = await openDatabase({ path });
      const breaker = new CircuitBreaker({ failures: 3, cooldownMs: 60_000, clock: systemClock });
      const writer = new AiClient({ http, settings: () => ({ baseUrl: ai.baseUrl, apiKey: ai.apiKey, model: 'mistral3', timeoutMs: 10_000 }), breaker });
      // The fake answers with the first ids it was offered: a real model's choice, instantly.
      ai.responder = (_request, { prompt }) => JSON.stringify({ ids: [...prompt.matchAll(/^(\d+): /gm)].slice(0, 30).map((m) => Number(m[1])) });
      const deps = {
        store: new SqlitePlaylists(db),
        candidates: new SqlitePlaylistCandidates(db),
        ai: playlistAi({ deps: () => ({ writer, language: 'en' as const }), problem: () => undefined }),
        now: Math.floor(Date.now() / 1000),
        timeZone: 'Europe/Zurich',
      };
      const results: BenchResult[] = [];
      for (const algorithm of GENERATED_ALGORITHMS) {
        for (const max of [25, 200]) {
          const times: number[] = [];
          let tracks = 0;
          for (let run = 0; run < RUNS; run++) {
            const started = process.hrtime.bigint();
            const prompt = algorithm === 'ai_generated' ? 'late night drive' : undefined;
            const playlist = await generatePlaylist({ algorithm, max, seed: run + 1, prompt }, deps);
            times.push(Number(process.hrtime.bigint() - started) / 1e6);
            tracks = playlist.tracks.length;
          }
          const ms = median(times);
          results.push({
            name: `${algorithm}-max${max}-1m-listens-ms`,
            value: round(ms),
            unit: 'ms',
            target: `< ${TARGET_MS} (median of ${RUNS})`,
            ok: ms < TARGET_MS && tracks > 0,
            details: { tracks, max: round(Math.max(...times)), listens: counts.listens },
          });
        }
      }
      await db.close();
      return results;
    } finally {
      await http.close();
      await ai.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
