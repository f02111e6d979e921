import { isAbsolute } from 'node:path';
import { UserError } from '../../core/errors.js';
import { migrationState, runMigrations, type Database } from '../../db/data-source.js';
import { backupDatabase, databaseFacts, tableCounts } from '../../db/repositories/maintenance.js';
import { filledText } from './params.js';
import { handlerTable, NO_PARAMS } from './typed.js';

export function dbHandlers(db: Database) {
  return handlerTable<'db.status' | 'db.migrate' | 'db.backup'>({
    'db.status': {
      params: NO_PARAMS,
      run: async () => ({
        path: db.path,
        ...databaseFacts(db),
        ...(await migrationState(db)),
        counts: tableCounts(db),
      }),
    },
    'db.migrate': { params: NO_PARAMS, run: async () => ({ applied: await runMigrations(db) }) },
    'db.backup': {
      params: { file: filledText() },
      run: async ({ file }) => {
        if (!isAbsolute(file)) throw new UserError('backup file must be an absolute path (the daemon writes it)');
        const started = Date.now();
        const { bytes } = await backupDatabase(db, file);
        return { file, bytes, durationMs: Date.now() - started };
      },
    },
  });
}
