// A write that finds no room must tell the user the disk is full, not "internal error".
// SQLite reports a full disk (ENOSPC) as SQLITE_FULL; the database is made "full" here with
// PRAGMA max_page_count on the real file, which fails the write with that same code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigFile } from '../../src/config/config.js';
import { systemClock } from '../../src/core/ports.js';
import { collectionHandlers } from '../../src/daemon/handlers/collection.js';
import { SqliteCollection } from '../../src/db/repositories/collection.js';
import { SqliteSyncState } from '../../src/db/repositories/sync-state.js';
import { CatalogueClients } from '../../src/wiring/catalogues.js';
import { toRpcError } from '../../src/daemon/rpc-errors.js';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { storageFailure } from '../../src/db/storage-errors.js';
import { HttpClient } from '../../src/integrations/http.js';
import { silentLogger } from '../../src/log.js';
import { RpcErrorCode } from '../../src/rpc/protocol.js';

let dir: string;
let db: Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-disk-full-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
});

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function addAlbumHandler() {
  const config = await ConfigFile.open({ home: dir, env: {} });
  const http = new HttpClient({ userAgent: 'aime/test', log: silentLogger(), timeoutMs: 1000, retries: 0, retryBaseMs: 1 });
  const handlers = collectionHandlers({
    collection: new SqliteCollection(db),
    syncState: new SqliteSyncState(db),
    events: { albumsCreated: () => undefined },
    clients: new CatalogueClients(() => config.values(), http),
    clock: systemClock,
  });
  return handlers['collection.add'];
}

function request(requestId: number) {
  return { requestId, notify: () => undefined, signal: new AbortController().signal, onDisconnect: () => undefined };
}

describe('a full disk', () => {
  it('fails aime collection add with a "disk is full" error of a passing kind, and nothing is stored', async () => {
    const add = await addAlbumHandler();
    const pages = Number(db.sqlite.pragma('page_count', { simple: true }));
    db.sqlite.pragma(`max_page_count = ${pages}`);
    const notes = 'Pressing notes. '.repeat(20_000);

    const failure = await add({ title: 'Pink Moon', artist: 'Nick Drake', notes }, request(1)).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeDefined();
    const rpc = toRpcError(failure);
    expect(rpc.code).toBe(RpcErrorCode.RetryLater);
    expect(rpc.message).toMatch(/^the disk is full: nothing was saved; free some space and try again$/);
    expect(rpc.data).toMatchObject({ kind: 'retry-later', reason: 'disk-full' });
    expect(db.sqlite.prepare('SELECT COUNT(*) AS n FROM albums').get()).toEqual({ n: 0 });

    // Room again: the same request goes through.
    db.sqlite.pragma('max_page_count = 1000000');
    await expect(add({ title: 'Pink Moon', artist: 'Nick Drake', notes }, request(2))).resolves.toMatchObject({ created: true });
  });

  it('names the file when the operating system says ENOSPC', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/mnt/backup/aime.db' });
    expect(storageFailure(enospc)?.message).toBe('the disk is full (writing /mnt/backup/aime.db): nothing was saved; free some space and try again');
    expect(storageFailure(new Error('something else'))).toBeUndefined();
  });
});
