import type { StoredText } from '../../core/ai/ports.js';
import type { ParagraphStore } from '../../core/wrapped/ports.js';
import type { Database } from '../data-source.js';

const KIND = 'wrapped-paragraph';

/** The years' AI paragraphs, rows of ai_texts like the other AI texts (model, prompt version, language, time). */
export class SqliteWrappedParagraphs implements ParagraphStore {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  async stored(subject: string, language: string): Promise<StoredText | undefined> {
    const row = this.db.sqlite
      .prepare(`SELECT text, model, prompt_version AS promptVersion, language, created_at AS createdAt FROM ai_texts
        WHERE kind = '${KIND}' AND subject = ? AND language = ? ORDER BY created_at DESC, id DESC LIMIT 1`)
      .get(subject, language) as StoredText | undefined;
    return row;
  }

  async save(subject: string, text: StoredText): Promise<void> {
    this.db.sqlite
      .prepare('INSERT INTO ai_texts (kind, subject, language, text, model, prompt_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(KIND, subject, text.language, text.text, text.model, text.promptVersion, text.createdAt);
  }
}
