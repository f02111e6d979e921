// The real daemon against clients that hold too many connections, leave lines half-sent,
// or never read their answers: each is bounded, and well-behaved clients stay served.
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { startFakeRoonCore } from '../fakes/roon-core/index.js';
import { AIME_BIN, eventually, runCli, testEnv, useTestHomes } from '../support/daemon.js';
import { rawClient } from '../support/socket-client.js';

const env = useTestHomes(afterEach);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function residentMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
}

describe('socket.maxConnections', () => {
  it('refuses one client too many with one error line and a close, serves the others, and frees the slot when one leaves', async () => {
    const home = env.home();
    const daemon = await env.daemon(home, { AIME_SOCKET_MAX_CONNECTIONS: '2' });
    const first = await rawClient(daemon.socket);
    const second = await rawClient(daemon.socket);
    expect(await first.call('system.health')).toMatchObject({ result: { ok: true } });
    expect(await second.call('system.health')).toMatchObject({ result: { ok: true } });

    const third = await rawClient(daemon.socket);
    expect(await third.next()).toMatchObject({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32003, message: expect.stringMatching(/already serves 2 connections \(socket\.maxConnections\); try again later/), data: { kind: 'retry-later' } },
    });
    await third.closed;

    const cli = await runCli(home, ['status']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/already serves 2 connections/);

    expect(await first.call('system.health')).toMatchObject({ result: { ok: true } });
    expect(await second.call('system.health')).toMatchObject({ result: { ok: true } });

    first.socket.destroy();
    // The slot frees once the daemon has seen the close; a fresh client then gets in.
    await eventually(async () => {
      const again = await rawClient(daemon.socket);
      const answer = await again.call('system.health');
      again.socket.destroy();
      return 'result' in answer;
    });
    second.socket.destroy();
  });
});

describe('socket.idleSeconds', () => {
  it('closes a connection whose request line stays unfinished, even one trickled byte by byte, and keeps quiet connections open', async () => {
    const home = env.home();
    const daemon = await env.daemon(home, { AIME_SOCKET_IDLE_SECONDS: '1' });
    const quiet = await rawClient(daemon.socket);
    expect(await quiet.call('system.health')).toMatchObject({ result: { ok: true } });

    const half = await rawClient(daemon.socket);
    const started = Date.now();
    half.socket.write('{"jsonrpc":"2.0","id":1,"method":"system.st');
    expect(await half.next()).toMatchObject({ id: null, error: { code: -32600, message: expect.stringMatching(/unfinished after 1 s/) } });
    await half.closed;
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    // The deadline counts from the line's first byte, so bytes dripping in do not extend it.
    const trickle = await rawClient(daemon.socket);
    trickle.socket.write('{"jsonrpc":"2.0",');
    for (let i = 0; i < 30 && !trickle.isClosed(); i++) {
      await sleep(200);
      trickle.socket.write('"x":1,');
    }
    expect(trickle.isClosed()).toBe(true);

    // Quiet for well past the deadline, with nothing half-sent: still served.
    expect(await quiet.call('system.health')).toMatchObject({ result: { ok: true } });
    expect(daemon.log()).toMatch(/closed a connection whose request line stayed unfinished/);
    quiet.socket.destroy();
  });

  it('never closes a subscriber waiting quietly for pushed zone events (aime now)', async () => {
    const core = await startFakeRoonCore({ pingIntervalMs: 0 });
    try {
      const home = env.home({ roon: { host: core.host, port: core.port } });
      const daemon = await env.daemon(home, { AIME_SOCKET_IDLE_SECONDS: '1' });
      expect((await runCli(home, ['roon', 'pair', '--timeout', '10'])).code).toBe(0);
      const watcher = spawn(process.execPath, [AIME_BIN, 'now', '--plain', '--zone', 'Living Room'], { env: testEnv(home), stdio: 'pipe' });
      const lines: string[] = [];
      watcher.stdout.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
      try {
        await eventually(() => lines.length === 1);
        await sleep(3000); // three deadlines long, nothing half-sent
        core.setNowPlaying('1601living', { title: 'Jóga', artist: 'Björk', album: 'Homogenic' });
        await eventually(() => lines.some((line) => line.includes('Björk — Jóga')));
        expect(watcher.exitCode).toBeNull();
        expect(daemon.log()).not.toMatch(/request line stayed unfinished/);
      } finally {
        watcher.kill('SIGTERM');
      }
    } finally {
      await core.stop();
    }
  });
});

describe('a client that never reads its answers', () => {
  it('is no longer read from, does not slow the others, costs little memory, and gets every answer once it reads', async () => {
    const home = env.home();
    const daemon = await env.daemon(home);
    const pid = daemon.process.pid ?? 0;
    const requests = 20_000;
    const before = residentMb(pid);

    const hog: Socket = connect(daemon.socket);
    await new Promise((resolve) => hog.once('connect', resolve));
    // No 'data' listener yet: this client reads nothing.
    hog.write(Array.from({ length: requests }, (_, i) => `{"jsonrpc":"2.0","id":${i + 1},"method":"system.status"}\n`).join(''));

    const other = await rawClient(daemon.socket);
    for (let i = 0; i < 20; i++) {
      const started = Date.now();
      expect(await other.call('system.status')).toMatchObject({ result: { version: expect.any(String) } });
      // Generous for a loaded 2-core machine; a daemon stuck on the hog takes far longer.
      expect(Date.now() - started).toBeLessThan(5000);
    }
    // The daemon stopped reading: most of the 1.1 MB is still waiting on the hog's side.
    expect(hog.writableLength).toBeGreaterThan(300_000);
    expect(residentMb(pid) - before).toBeLessThan(40);

    const answered = new Set<number>();
    let buffer = '';
    hog.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) answered.add((JSON.parse(line) as { id: number }).id);
    });
    await eventually(() => answered.size === requests, 50_000, 200);
    expect(Math.min(...answered)).toBe(1);
    expect(Math.max(...answered)).toBe(requests);
    hog.destroy();
    other.socket.destroy();
  });
});
