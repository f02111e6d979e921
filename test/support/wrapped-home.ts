import { join } from 'node:path';
import { openDatabase, runMigrations } from '../../src/db/data-source.js';
import { seedWrappedFixture } from './wrapped-fixture.js';

/**
 * An AIME_HOME database holding the hand-made 2025 of wrapped-fixture.ts, its covers pointing
 * at a local picture host (test/fakes/covers): the top album's behind a redirect, the tape's
 * plain, First Light's on the host's slow path and Echoes' too large to embed.
 */
export async function seedWrappedHome(home: string, coverHost: string): Promise<{ albumIds: number[] }> {
  const db = await openDatabase({ path: join(home, 'aime.db') });
  try {
    await runMigrations(db);
    const { albumIds } = seedWrappedFixture(db.sqlite);
    const [night, , tape, first, echoes] = albumIds;
    const at = Math.floor(Date.now() / 1000);
    db.sqlite.prepare(`UPDATE images SET url = ? WHERE album_id = ? AND image_type = 'album'`).run(`${coverHost}/redirect/night-and-day.png`, night);
    db.sqlite.prepare('UPDATE collection_items SET cover_url = ? WHERE album_id = ?').run(`${coverHost}/img/tape-hiss.png`, tape);
    const image = db.sqlite.prepare(`INSERT INTO images (url, image_type, source, album_id, created_at, updated_at) VALUES (?, 'album', 'discogs', ?, ?, ?)`);
    image.run(`${coverHost}/slow/first-light.png`, first, at, at);
    image.run(`${coverHost}/huge.jpg`, echoes, at, at);
    return { albumIds };
  } finally {
    await db.close();
  }
}
