import type { AiTextKind, AiTextRepository, AlbumTextKind, DescriptionAttempts, StoredText } from '../../core/ai/ports.js';
import type { Database } from '../data-source.js';

/** The metadata columns of each album text. */
const ALBUM_COLUMNS = {
  description: { text: 'ai_info', model: 'ai_info_model', version: 'ai_info_prompt_version', at: 'ai_info_at', language: 'ai_info_language' },
  presentation: { text: 'resume', model: 'resume_model', version: 'resume_prompt_version', at: 'resume_at', language: 'resume_language' },
} as const;

interface AlbumTextRow {
  text: string | null;
  model: string | null;
  version: string | null;
  at: number | null;
  language: string | null;
}

/**
 * Album texts live in `metadata` (one row per album, shared with the collection's labels
 * and film fields: only our columns are touched); every other text is a row of `ai_texts`.
 */
export class SqliteAiTexts implements AiTextRepository {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  async albumText(albumId: number, kind: AlbumTextKind): Promise<StoredText | undefined> {
    const c = ALBUM_COLUMNS[kind];
    const row = this.db.sqlite
      .prepare(`SELECT ${c.text} AS text, ${c.model} AS model, ${c.version} AS version, ${c.at} AS at, ${c.language} AS language FROM metadata WHERE album_id = ?`)
      .get(albumId) as AlbumTextRow | undefined;
    if (!row?.text) return undefined;
    return { text: row.text, model: row.model ?? '', promptVersion: row.version ?? '', language: row.language ?? '', createdAt: row.at ?? 0 };
  }

  async saveAlbumText(albumId: number, kind: AlbumTextKind, text: StoredText): Promise<void> {
    const c = ALBUM_COLUMNS[kind];
    const columns = [c.text, c.model, c.version, c.at, c.language];
    const values = [text.text, text.model, text.promptVersion, text.createdAt, text.language];
    this.db.sqlite
      .prepare(
        `INSERT INTO metadata (album_id, ${columns.join(', ')}, created_at, updated_at) VALUES (?, ${columns.map(() => '?').join(', ')}, ?, ?)
         ON CONFLICT (album_id) DO UPDATE SET ${columns.map((column) => `${column} = excluded.${column}`).join(', ')}, updated_at = excluded.updated_at`,
      )
      .run(albumId, ...values, text.createdAt, text.createdAt);
  }

  async saveText(kind: AiTextKind, subject: string, text: StoredText): Promise<void> {
    this.db.sqlite
      .prepare('INSERT INTO ai_texts (kind, subject, language, text, model, prompt_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(kind, subject, text.language, text.text, text.model, text.promptVersion, text.createdAt);
  }
}

const PROVIDER = 'ai-description';

/** The background describer's queue and retry times, as enrichment_attempts rows. */
export class SqliteDescriptionAttempts implements DescriptionAttempts {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  async enqueue(albumIds: readonly number[], at: number): Promise<void> {
    const insert = this.db.sqlite.prepare(
      `INSERT INTO enrichment_attempts (entity_type, entity_id, provider, status, attempts, next_retry_at, created_at, updated_at)
       VALUES ('album', ?, '${PROVIDER}', 'pending', 0, ?, ?, ?) ON CONFLICT (entity_type, entity_id, provider) DO NOTHING`,
    );
    this.db.sqlite.transaction(() => {
      for (const id of albumIds) insert.run(id, at, at, at);
    })();
  }

  async recordSuccess(albumId: number, at: number): Promise<void> {
    this.db.sqlite
      .prepare(
        `UPDATE enrichment_attempts SET status = 'success', attempts = attempts + 1, last_error = NULL, last_attempt_at = ?, next_retry_at = NULL, updated_at = ?
         WHERE entity_type = 'album' AND entity_id = ? AND provider = '${PROVIDER}'`,
      )
      .run(at, at, albumId);
  }

  async recordFailure(albumId: number, error: string, at: number, nextRetryAt: (attempts: number) => number | null): Promise<number> {
    const sql = this.db.sqlite;
    return sql.transaction(() => {
      const row = sql.prepare(`SELECT attempts FROM enrichment_attempts WHERE entity_type = 'album' AND entity_id = ? AND provider = '${PROVIDER}'`).get(albumId) as
        | { attempts: number }
        | undefined;
      const attempts = (row?.attempts ?? 0) + 1;
      sql
        .prepare(
          `INSERT INTO enrichment_attempts (entity_type, entity_id, provider, status, attempts, last_error, last_attempt_at, next_retry_at, created_at, updated_at)
           VALUES ('album', ?, '${PROVIDER}', 'failed', ?, ?, ?, ?, ?, ?)
           ON CONFLICT (entity_type, entity_id, provider) DO UPDATE SET status = 'failed', attempts = excluded.attempts, last_error = excluded.last_error,
             last_attempt_at = excluded.last_attempt_at, next_retry_at = excluded.next_retry_at, updated_at = excluded.updated_at`,
        )
        .run(albumId, attempts, error, at, nextRetryAt(attempts), at, at);
      return attempts;
    })();
  }

  async waiting(): Promise<number> {
    const row = this.db.sqlite
      .prepare(`SELECT COUNT(*) AS count FROM enrichment_attempts WHERE provider = '${PROVIDER}' AND status IN ('pending', 'failed') AND next_retry_at IS NOT NULL`)
      .get() as { count: number };
    return row.count;
  }

  async due(at: number, limit: number): Promise<number[]> {
    const rows = this.db.sqlite
      .prepare(
        `SELECT entity_id AS id FROM enrichment_attempts
         WHERE provider = '${PROVIDER}' AND entity_type = 'album' AND status IN ('pending', 'failed') AND next_retry_at IS NOT NULL AND next_retry_at <= ?
         ORDER BY next_retry_at, id LIMIT ?`,
      )
      .all(at, limit) as { id: number }[];
    return rows.map((row) => row.id);
  }
}
