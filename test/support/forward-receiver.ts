import { startListener } from './http-listener.js';

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
 * AIME's own ListenBrainz-compatible endpoint over a real SQLite file: a receiver that dedups
 * as ListenBrainz does (the same play — same listened_at, same track — is kept once).
 * It runs in the test process (test/support/http-listener.ts) until the daemon serves the
 * endpoint as its `http` service; then only this function changes, to a second daemon with
 * http.listen set and a token from `aime token create`.
 */
export async function startReceiver(): Promise<ForwardReceiver> {
  const listener = await startListener();
  const rows = () =>
    listener.db.sqlite
      .prepare(
        `SELECT l.timestamp || '|' || ar.name || '|' || t.title FROM listening_history l JOIN tracks t ON t.id = l.track_id
         JOIN artists ar ON ar.id = t.artist_id ORDER BY l.timestamp, l.id`,
      )
      .pluck()
      .all() as string[];
  return {
    url: listener.url,
    token: listener.token,
    count: () => listener.db.sqlite.prepare('SELECT count(*) FROM listening_history').pluck().get() as number,
    listens: rows,
    close: () => listener.close(),
  };
}
