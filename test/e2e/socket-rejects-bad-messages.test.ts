import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDaemon, useTestHomes } from '../support/daemon.js';
import { rawClient } from '../support/socket-client.js';

const bed = useTestHomes(afterAll);

let home: string;
let daemon: RunningDaemon;

beforeAll(async () => {
  home = bed.home();
  daemon = await bed.daemon(home);
});

function client() {
  return rawClient(daemon.socket);
}

describe('the daemon socket', () => {
  it('answers invalid JSON with a parse error and keeps the connection usable', async () => {
    const { socket, next } = await client();
    socket.write('{not json\n');
    expect(await next()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
    socket.write(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'system.health' }) + '\n');
    expect(await next()).toMatchObject({ id: 7, result: { ok: true } });
    socket.destroy();
  });

  it('rejects a request larger than 1 MiB without affecting other clients', async () => {
    const big = await client();
    const other = await client();
    const huge = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'config.get', params: { key: 'x'.repeat(1_100_000) } });
    big.socket.write(huge + '\n');
    expect(await big.next()).toMatchObject({ id: null, error: { code: -32600, message: expect.stringMatching(/1 MiB/) } });
    other.socket.write(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'system.status' }) + '\n');
    expect(await other.next()).toMatchObject({ id: 2, result: { version: expect.any(String) } });
    big.socket.write(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'system.health' }) + '\n');
    expect(await big.next()).toMatchObject({ id: 3, result: { ok: true } });
    big.socket.destroy();
    other.socket.destroy();
  });

  it('answers unknown methods, non-requests and bad params with JSON-RPC errors', async () => {
    const { socket, next } = await client();
    socket.write(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'music.teleport' }) + '\n');
    expect(await next()).toMatchObject({ id: 1, error: { code: -32601 } });
    socket.write(JSON.stringify({ id: 2, method: 'system.status' }) + '\n');
    expect(await next()).toMatchObject({ id: 2, error: { code: -32600 } });
    socket.write(JSON.stringify([1, 2, 3]) + '\n');
    expect(await next()).toMatchObject({ id: null, error: { code: -32600 } });
    socket.write(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'service.start', params: { name: 42 } }) + '\n');
    expect(await next()).toMatchObject({ id: 3, error: { code: -32602, data: { kind: 'user', param: 'name' } } });
    socket.write(JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'config.get', params: { key: 'no.such.key' } }) + '\n');
    expect(await next()).toMatchObject({ id: 4, error: { code: -32000, message: expect.stringMatching(/unknown config key/) } });
    socket.write(JSON.stringify({ jsonrpc: '2.0', id: 5, method: '__proto__' }) + '\n');
    expect(await next()).toMatchObject({ id: 5, error: { code: -32601 } });
    socket.destroy();
  });

  it('answers a request whose id is an object, an array or a boolean with Invalid Request (id null) and does not run it', async () => {
    const { socket, next } = await client();
    for (const id of [{ user: 'x' }, [1], true]) {
      socket.write(JSON.stringify({ jsonrpc: '2.0', id, method: 'config.set', params: { key: 'lastfm.username', value: 'intruder' } }) + '\n');
      expect(await next()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32600, message: expect.stringMatching(/id must be a string, a number or null/) } });
    }
    socket.write(JSON.stringify({ jsonrpc: '2.0', id: 8, method: 'config.get', params: { key: 'lastfm.username' } }) + '\n');
    const answer = await next();
    expect(answer).toMatchObject({ id: 8, result: { key: 'lastfm.username' } });
    expect((answer.result as { value?: unknown }).value).toBeUndefined();
    socket.destroy();
  });

  it('answers a request whose id is null (JSON-RPC 2.0: a request, not a notification) with id null', async () => {
    const { socket, next } = await client();
    socket.write(JSON.stringify({ jsonrpc: '2.0', id: null, method: 'system.health' }) + '\n');
    expect(await next()).toMatchObject({ jsonrpc: '2.0', id: null, result: { ok: true } });
    socket.destroy();
  });

  it('survives a client that vanishes mid-message and keeps serving', async () => {
    const rude = await client();
    rude.socket.write('{"jsonrpc":"2.0","id":1,"method":"system.st');
    rude.socket.destroy();
    const { socket, next } = await client();
    socket.write(JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'system.health' }) + '\n');
    expect(await next()).toMatchObject({ id: 9, result: { ok: true } });
    socket.destroy();
  });
});
