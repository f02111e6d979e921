import Database from 'better-sqlite3';
import { join } from 'node:path';
import { makeHome, removeHome, runCli, startDaemon } from './daemon.js';
import { freePort } from './http-listener.js';

/** The receiving end of daemon-to-daemon forwarding. */
export interface ForwardReceiver {
  /** What the sender's forward.listenbrainz.url is set to. */
  readonly url: string;
  /** A token the receiver accepts (forward.listenbrainz.token). */
  readonly token: string;
  /** Listens the receiver holds. */
  count(): number;
  /** What it holds, oldest first: "timestamp|artist|title". */
  listens(): string[];
  close(): Promise<void>;
}

/**
 * A second real AIME daemon serving its ListenBrainz-compatible endpoint (`http.listen` on a
 * free loopback port, a token made with `aime token create`): the sender forwards to it as it
 * would to ListenBrainz, and its own dedup keeps the same play once. Read through its database
 * file (read-only, beside the running daemon: WAL readers never block it).
 */
export async function startReceiver(): Promise<ForwardReceiver> {
  const port = await freePort();
  const home = makeHome({ http: { listen: `127.0.0.1:${port}` } });
  const daemon = await startDaemon(home);
  const created = await runCli(home, ['token', 'create', '--name', 'sender', '--json']);
  if (created.code !== 0) throw new Error(`aime token create failed: ${created.stderr}`);
  const { token } = JSON.parse(created.stdout) as { token: string };
  const read = <T>(sql: string, all: boolean): T => {
    const db = new Database(join(home, 'aime.db'), { readonly: true });
    try {
      const statement = db.prepare(sql).pluck();
      return (all ? statement.all() : statement.get()) as T;
    } finally {
      db.close();
    }
  };
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    count: () => read<number>('SELECT count(*) FROM listening_history', false),
    listens: () =>
      read<string[]>(
        `SELECT l.timestamp || '|' || ar.name || '|' || t.title FROM listening_history l JOIN tracks t ON t.id = l.track_id
         JOIN artists ar ON ar.id = t.artist_id ORDER BY l.timestamp, l.id`,
        true,
      ),
    close: async () => {
      await daemon.kill();
      removeHome(home);
    },
  };
}
