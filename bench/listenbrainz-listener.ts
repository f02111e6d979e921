// The HTTP listener in a process of its own, over a fresh SQLite file, for bench/listenbrainz.ts:
// clients and server do not share an event loop, as with the daemon. Talks to its parent over IPC:
// sends {url, tokens} once listening; answers 'count' with the listens stored; exits on 'stop'.
import { startListener } from '../test/support/http-listener.js';

const CLIENTS = Number(process.argv[2] ?? 50);
const listener = await startListener({ logLevel: 'warn' });
const tokens = [listener.token, ...Array.from({ length: CLIENTS - 1 }, (_, index) => listener.tokens.create(`bench client ${index + 2}`).token)];
process.send?.({ url: listener.url, tokens });
process.on('message', (message) => {
  if (message === 'count') process.send?.({ count: listener.db.sqlite.prepare('SELECT COUNT(*) FROM listening_history').pluck().get() });
  if (message === 'stop') void listener.close().then(() => process.exit(0));
});
