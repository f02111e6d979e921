import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDaemon, useTestHomes } from '../support/daemon.js';

const bed = useTestHomes(afterAll);

let home: string;
let daemon: RunningDaemon;

beforeAll(async () => {
  home = bed.home();
  daemon = await bed.daemon(home);
});

/** A raw client that collects every line the daemon sends. */
function client(): Promise<{ socket: Socket; next: () => Promise<Record<string, unknown>> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(daemon.socket);
    const lines: string[] = [];
    const waiters: ((line: string) => void)[] = [];
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      let index: number;
      while ((index = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 1);
        const waiter = waiters.shift();
        if (waiter) waiter(line);
        else lines.push(line);
      }
    });
    socket.once('error', reject);
    socket.once('connect', () =>
      resolve({
        socket,
        next: () =>
          new Promise((done) => {
            const line = lines.shift();
            if (line !== undefined) done(JSON.parse(line));
            else waiters.push((text) => done(JSON.parse(text)));
          }),
      }),
    );
  });
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
