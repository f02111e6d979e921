// Without roon.host the daemon finds the Core by SOOD discovery: it queries, retries while
// nothing answers, and connects to the http_port of the Core that replies. It searches only
// once asked for Roon: a daemon without roon.host and without any Roon command stays quiet.
import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeRoonCore, type FakeRoonCore } from '../fakes/roon-core/index.js';
import { eventually, runCli, useTestHomes } from '../support/daemon.js';

const ROON_SERVICE_ID = '00720724-5143-4a9b-abac-0e50cba674bb';
const bed = useTestHomes(afterEach);

/** SOOD by hand: "SOOD", 2, type, then (1-byte key length, key, 2-byte value length, value)*. */
function sood(type: string, props: Record<string, string>): Buffer {
  const parts = [Buffer.from('SOOD'), Buffer.from([2]), Buffer.from(type)];
  for (const [key, value] of Object.entries(props)) {
    const length = Buffer.alloc(2);
    length.writeUInt16BE(Buffer.byteLength(value));
    parts.push(Buffer.from([key.length]), Buffer.from(key), length, Buffer.from(value));
  }
  return Buffer.concat(parts);
}

function queryProps(message: Buffer): Record<string, string> {
  const props: Record<string, string> = {};
  for (let at = 6; at < message.length; ) {
    const key = message.toString('utf8', at + 1, at + 1 + (message[at] ?? 0));
    at += 1 + (message[at] ?? 0);
    const length = message.readUInt16BE(at);
    props[key] = message.toString('utf8', at + 2, at + 2 + length);
    at += 2 + length;
  }
  return props;
}

describe('Roon discovery', () => {
  it('finds the Core that answers the SOOD query, after retrying while none does', async () => {
    const fake: FakeRoonCore = await bed.fake(startFakeRoonCore({ pingIntervalMs: 0 }));
    const socket: Socket = createSocket('udp4');
    await bed.fake({ close: () => void socket.close() });
    const queries: Record<string, string>[] = [];
    socket.on('message', (message, from) => {
      const props = queryProps(message);
      queries.push(props);
      // Like a Core still booting, the first query goes unanswered.
      if (queries.length < 2 || message.toString('latin1', 0, 6) !== 'SOOD\u0002Q') return;
      socket.send(sood('R', { service_id: ROON_SERVICE_ID, unique_id: fake.coreId, name: 'Fake Core', display_version: '2.70', http_port: String(fake.port), _tid: props['_tid'] ?? '' }), from.port, from.address);
    });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
    const home = bed.home();
    await bed.daemon(home, { AIME_ROON_DISCOVERY_TARGET: `127.0.0.1:${socket.address().port}`, AIME_ROON_RETRY_FIRST_MS: '50', AIME_ROON_RETRY_MAX_MS: '200' });

    // Not asked for Roon yet: the link is not started and nothing is sent on the network.
    const idle = JSON.parse((await runCli(home, ['status', '--json'])).stdout);
    expect(idle.services.roon).toMatchObject({ active: false, state: 'stopped' });
    expect(queries).toEqual([]);

    const paired = await runCli(home, ['roon', 'pair', '--timeout', '15']);
    expect(paired.code).toBe(0);
    expect(queries.length).toBeGreaterThanOrEqual(2);
    expect(queries[0]).toMatchObject({ query_service_id: ROON_SERVICE_ID });
    expect(queries[0]?.['_tid']).not.toBe(queries[1]?.['_tid']);
    const status = JSON.parse((await runCli(home, ['roon', 'status', '--json'])).stdout);
    expect(status).toMatchObject({ connected: true, coreName: 'Fake Core', address: `127.0.0.1:${fake.port}` });
    await eventually(() => fake.connections.some((c) => c.registered));
  });
});
