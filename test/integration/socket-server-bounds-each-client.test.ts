// The daemon's RpcServer on a real Unix socket with handlers written for the test: the
// shared budget for half-sent lines, the in-flight cap per client, and a subscriber that
// stops reading its notifications.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RpcServer, type HandlerTable, type ServerOptions } from '../../src/daemon/server.js';
import { silentLogger } from '../../src/log.js';
import { eventually } from '../support/daemon.js';
import { rawClient, type RawClient } from '../support/socket-client.js';

const KiB = 1024;
const running: { server: RpcServer; dir: string; clients: RawClient[] }[] = [];

afterEach(async () => {
  for (const { server, dir, clients } of running.splice(0)) {
    for (const client of clients) client.socket.destroy();
    await server.close(100);
    rmSync(dir, { recursive: true, force: true });
  }
});

async function serve(handlers: HandlerTable, options: Partial<ServerOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'aime-socket-'));
  const path = join(dir, 'test.sock');
  const server = new RpcServer({ path, mode: 0o600, handlers, log: silentLogger(), ...options });
  await server.listen();
  const entry = { server, dir, clients: [] as RawClient[] };
  running.push(entry);
  return {
    server,
    async client() {
      const client = await rawClient(path);
      entry.clients.push(client);
      return client;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('half-sent lines across all clients', () => {
  it('hold no more than the budget plus one read per client, still serve small requests, and all finish once completed', async () => {
    const budget = 1024 * KiB;
    const { server, client } = await serve({ 'pad.length': async (params) => (params as { pad: string }).pad.length }, { partialLineBudgetBytes: budget });
    const padding = 512 * KiB;
    const senders = await Promise.all(Array.from({ length: 20 }, () => client()));
    senders.forEach((sender, i) => sender.socket.write(`{"jsonrpc":"2.0","id":${i + 1},"method":"pad.length","params":{"pad":"${'x'.repeat(padding)}`));

    // 10 MiB offered; what the server holds settles near its budget.
    let held = 0;
    await eventually(async () => {
      const now = server.load().partialLineBytes;
      const settled = now === held && now > 0;
      held = now;
      await sleep(200);
      return settled;
    });
    expect(held).toBeLessThan(budget + 20 * 64 * KiB + 1024 * KiB);
    expect(held).toBeLessThan(4 * 1024 * KiB);

    const small = await client();
    expect(await small.call('pad.length', { pad: 'abc' })).toMatchObject({ result: 3 });

    // Lines that all stopped halfway must not wait for each other for ever.
    senders.forEach((sender) => sender.socket.write('"}}\n'));
    const answers = await Promise.all(senders.map((sender) => sender.next(30_000)));
    answers.forEach((answer, i) => expect(answer).toMatchObject({ id: i + 1, result: padding }));
    await eventually(() => server.load().partialLineBytes === 0);
  });
});

describe('requests of one client', () => {
  it('are served a few at a time; the rest wait their turn while other clients are answered', async () => {
    let active = 0;
    let mostActive = 0;
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const { client } = await serve(
      {
        'gate.wait': async () => {
          mostActive = Math.max(mostActive, ++active);
          await gate;
          active--;
          return 'passed';
        },
        'system.health': async () => ({ ok: true }),
      },
      { maxInFlightPerClient: 4 },
    );
    const busy = await client();
    busy.socket.write(Array.from({ length: 40 }, (_, i) => `{"jsonrpc":"2.0","id":${i + 1},"method":"gate.wait"}\n`).join(''));
    await eventually(() => active === 4);
    await sleep(300);
    expect(active).toBe(4);

    const other = await client();
    expect(await other.call('system.health')).toMatchObject({ result: { ok: true } });

    openGate();
    const ids = new Set<unknown>();
    for (let i = 0; i < 40; i++) ids.add((await busy.next()).id);
    expect(ids.size).toBe(40);
    expect(mostActive).toBe(4);
  });
});

describe('a subscriber that stops reading', () => {
  it('is disconnected once its unread notifications pass the backlog, while a reading subscriber keeps receiving', async () => {
    const { server, client } = await serve(
      {
        'feed.follow': async (_params, context) => {
          const payload = 'y'.repeat(1000);
          const push = () => {
            if (context.signal.aborted) return;
            context.notify('progress', { requestId: context.requestId, task: payload, done: 1, total: 1 });
            setImmediate(push);
          };
          push();
          return 'following';
        },
      },
      { notificationBacklogBytes: 64 * KiB },
    );
    const reader = await client();
    let received = 0;
    reader.socket.on('data', () => received++);
    reader.socket.write('{"jsonrpc":"2.0","id":1,"method":"feed.follow"}\n');

    const sleeper = await client();
    sleeper.socket.pause(); // reads nothing from here on
    sleeper.socket.write('{"jsonrpc":"2.0","id":1,"method":"feed.follow"}\n');
    // A paused client does not notice the close itself: the server's count tells.
    await eventually(() => server.load().clients === 1);

    const before = received;
    await eventually(() => received > before + 10);
    expect(reader.isClosed()).toBe(false);
  });
});
