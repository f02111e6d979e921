import type { Statement } from 'better-sqlite3';
import { UserError } from '../../core/errors.js';
import type { CorrectableListen, ListenCorrections } from '../../core/corrections/ports.js';
import type { KeyedPlay } from '../../core/listens/ports.js';
import type { Database } from '../data-source.js';
import { SqliteCatalog } from './catalog.js';

interface ListenFacts extends CorrectableListen {
  readonly trackId: number;
  readonly artistKey: string;
  readonly titleKey: string;
  readonly mergedSource: string | null;
  readonly mergedTimestamp: number | null;
}

const SELECT_LISTEN = `SELECT l.id, l.timestamp, l.source, l.track_id AS trackId, l.merged_source AS mergedSource, l.merged_timestamp AS mergedTimestamp,
    ar.name AS artist, ar.name_key AS artistKey, t.title, t.title_key AS titleKey, al.title AS album, al.artist_name AS albumArtist
  FROM listening_history l JOIN tracks t ON t.id = l.track_id JOIN artists ar ON ar.id = t.artist_id LEFT JOIN albums al ON al.id = t.album_id
  WHERE l.id = ?`;

/**
 * `history rm|edit` in SQL, each one transaction. A listen's identities are the ways its play
 * arrived: its own (source, artist key, title key, time) and, when it absorbed another
 * source's copy, that copy's (merged_source, the same keys, merged_timestamp). A removal
 * turns each into a tombstone; an edit records each as `edited` with the listen's id.
 * Deleting listens runs the rollup triggers, which recount only what each listen touched.
 */
export class SqliteListenCorrections implements ListenCorrections {
  private readonly db: Database;
  private readonly sql: Record<'listen' | 'tombstone' | 'editedBefore' | 'remember' | 'remove' | 'move' | 'holder', Statement>;

  constructor(db: Database) {
    this.db = db;
    const prepare = (text: string) => db.sqlite.prepare(text);
    this.sql = {
      listen: prepare(SELECT_LISTEN),
      // A tombstone wins over an edit record of the same identity: the play is gone either way.
      tombstone: prepare(`INSERT INTO listen_corrections (kind, source, artist_key, title_key, timestamp, listen_id, created_at)
        VALUES ('deleted', ?, ?, ?, ?, NULL, ?)
        ON CONFLICT (artist_key, title_key, timestamp, source) DO UPDATE SET kind = 'deleted', listen_id = NULL`),
      editedBefore: prepare(`UPDATE listen_corrections SET kind = 'deleted', listen_id = NULL WHERE listen_id = ?`),
      remember: prepare(`INSERT INTO listen_corrections (kind, source, artist_key, title_key, timestamp, listen_id, created_at)
        VALUES ('edited', ?, ?, ?, ?, ?, ?) ON CONFLICT (artist_key, title_key, timestamp, source) DO NOTHING`),
      remove: prepare('DELETE FROM listening_history WHERE id = ?'),
      move: prepare('UPDATE listening_history SET track_id = ?, timestamp = ? WHERE id = ?'),
      holder: prepare('SELECT id FROM listening_history WHERE track_id = ? AND timestamp = ?').pluck(),
    };
  }

  listen(id: number): CorrectableListen | undefined {
    const facts = this.facts(id);
    return facts && shown(facts);
  }

  remove(ids: readonly number[]): { removed: CorrectableListen[] } | { unknown: number[] } {
    return this.db.sqlite.transaction(() => {
      const found = ids.map((id) => [id, this.facts(id)] as const);
      const unknown = found.filter(([, facts]) => !facts).map(([id]) => id);
      if (unknown.length) return { unknown };
      const now = Math.floor(Date.now() / 1000);
      const removed: CorrectableListen[] = [];
      for (const [id, facts] of found) {
        if (!facts) continue;
        this.sql.editedBefore.run(id);
        for (const identity of identities(facts)) this.sql.tombstone.run(identity.source, facts.artistKey, facts.titleKey, identity.timestamp, now);
        this.sql.remove.run(id);
        removed.push(shown(facts));
      }
      return { removed };
    }).immediate();
  }

  edit(id: number, play: KeyedPlay): { listen: CorrectableListen; newAlbumIds: number[] } | undefined {
    const catalog = new SqliteCatalog(this.db);
    return this.db.sqlite.transaction(() => {
      const facts = this.facts(id);
      if (!facts) return undefined;
      const now = Math.floor(Date.now() / 1000);
      const artistId = catalog.artistId(play.artist, play.artistKey, now);
      const album = catalog.albumId(play, now);
      const trackId = catalog.trackId(play, artistId, album?.id ?? null, now);
      if (trackId !== facts.trackId || play.timestamp !== facts.timestamp) {
        const holder = this.sql.holder.get(trackId, play.timestamp) as number | undefined;
        if (holder !== undefined) throw new UserError(`listen ${holder} already records this play; delete one of them instead (aime history rm)`);
        for (const identity of identities(facts)) this.sql.remember.run(identity.source, facts.artistKey, facts.titleKey, identity.timestamp, id, now);
        this.sql.move.run(trackId, play.timestamp, id);
      }
      const edited = this.facts(id) as ListenFacts;
      return { listen: shown(edited), newAlbumIds: album?.created ? [album.id] : [] };
    }).immediate();
  }

  private facts(id: number): ListenFacts | undefined {
    return this.sql.listen.get(id) as ListenFacts | undefined;
  }
}

/** The (source, time) pairs a listen's play arrived as, under its artist and title keys. */
function identities(facts: ListenFacts): { source: string; timestamp: number }[] {
  const own = { source: facts.source as string, timestamp: facts.timestamp };
  return facts.mergedSource === null || facts.mergedTimestamp === null ? [own] : [own, { source: facts.mergedSource, timestamp: facts.mergedTimestamp }];
}

function shown(facts: ListenFacts): CorrectableListen {
  return { id: facts.id, timestamp: facts.timestamp, artist: facts.artist, title: facts.title, album: facts.album, albumArtist: facts.albumArtist, source: facts.source };
}
