/** `db.*`: schema state and online backups. */
export interface DbStatusResult {
  readonly path: string;
  readonly sizeBytes: number;
  readonly journalMode: string;
  readonly applied: string[];
  readonly pending: string[];
  readonly counts: Record<string, number>;
}

export interface DbMethods {
  'db.status': { params: Record<string, never>; result: DbStatusResult };
  'db.migrate': { params: Record<string, never>; result: { applied: string[] } };
  'db.backup': { params: { file: string }; result: { file: string; bytes: number; durationMs: number } };
}
