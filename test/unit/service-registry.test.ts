import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations, type Database } from '../../src/db/data-source.js';
import { SqliteServiceStates } from '../../src/db/repositories/service-states.js';
import { ServiceRegistry, type Service } from '../../src/daemon/services/registry.js';
import { silentLogger } from '../../src/log.js';

class Recorder implements Service {
  readonly name: string;
  readonly events: string[] = [];
  failStart = false;
  missing: string | undefined;
  constructor(name: string) {
    this.name = name;
  }
  missingConfiguration() {
    return this.missing;
  }
  async start(signal: AbortSignal) {
    if (this.failStart) throw new Error('cannot reach the thing');
    this.events.push('start');
    signal.addEventListener('abort', () => this.events.push('aborted'));
  }
  async stop() {
    this.events.push('stop');
  }
  report() {
    return { running: true, lastRunAt: new Date(0), details: { polls: 1 } };
  }
}

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aime-registry-'));
  db = await openDatabase({ path: join(dir, 'aime.db') });
  await runMigrations(db);
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

function registry(...services: Service[]): ServiceRegistry {
  const made = new ServiceRegistry(new SqliteServiceStates(db), silentLogger());
  for (const service of services) made.register(service);
  return made;
}

describe('service registry', () => {
  it('persists start/stop wishes and restores them in a new registry', async () => {
    const a = new Recorder('a');
    const b = new Recorder('b');
    const first = registry(a, b);
    await first.start('a');
    await first.start('b');
    await first.stop('b');
    expect(a.events).toEqual(['start']);
    expect(b.events).toEqual(['start', 'aborted', 'stop']);

    const a2 = new Recorder('a');
    const b2 = new Recorder('b');
    await registry(a2, b2).restore();
    expect(a2.events).toEqual(['start']);
    expect(b2.events).toEqual([]);
  });

  it('reports a failing service without touching the others', async () => {
    const good = new Recorder('good');
    const bad = new Recorder('bad');
    bad.failStart = true;
    const made = registry(good, bad);
    await made.start('bad');
    await made.start('good');
    expect(made.status('bad')).toMatchObject({ active: true, running: false, state: 'failed', lastError: 'cannot reach the thing' });
    expect(made.status('good')).toMatchObject({ active: true, running: true, lastRunAt: new Date(0).toISOString(), details: { polls: 1 } });
  });

  it('keeps the wish of a service that is not configured and says why', async () => {
    const lonely = new Recorder('lonely');
    lonely.missing = 'needs lastfm.apiKey';
    const made = registry(lonely);
    await made.start('lonely');
    expect(made.status('lonely')).toMatchObject({ active: true, running: false, state: 'not-configured', lastError: 'not configured: needs lastfm.apiKey' });
    expect(lonely.events).toEqual([]);
  });

  it('runs essential background workers at every start; users cannot stop them', async () => {
    const worker = new Recorder('enrichment');
    const made = registry();
    made.registerEssential(worker);
    await made.restore();
    expect(worker.events).toEqual(['start']);
    expect(made.status('enrichment')).toMatchObject({ active: true, running: true });
    await expect(made.stop('enrichment')).rejects.toThrow(/runs whenever the daemon runs/);
    await made.stopAll();
    expect(worker.events).toEqual(['start', 'aborted', 'stop']);
  });

  it('starts a service nobody started or stopped when its default wish says so, but an explicit stop wins', async () => {
    const roon = Object.assign(new Recorder('roon'), { runsByDefault: () => true });
    const first = registry(roon);
    await first.restore();
    expect(first.status('roon')).toMatchObject({ active: true, running: true });
    await first.stop('roon');
    const again = Object.assign(new Recorder('roon'), { runsByDefault: () => true });
    const second = registry(again);
    await second.restore();
    expect(again.events).toEqual([]);
    expect(second.status('roon')).toMatchObject({ active: false, state: 'stopped' });
  });

  it('applies a configuration change: restarts a running service, starts one whose default now says run, keeps an explicit stop', async () => {
    let address = '';
    const listener = Object.assign(new Recorder('http'), { runsByDefault: () => address !== '' });
    const made = registry(listener);
    await made.restore();
    expect(listener.events).toEqual([]);

    address = '127.0.0.1:8377';
    expect(await made.reconfigure('http')).toMatchObject({ active: true, running: true });
    address = '127.0.0.1:8378';
    await made.reconfigure('http');
    expect(listener.events).toEqual(['start', 'aborted', 'stop', 'start']);
    address = '';
    expect(await made.reconfigure('http')).toMatchObject({ active: false, state: 'stopped' });

    address = '127.0.0.1:8379';
    await made.start('http');
    await made.stop('http');
    listener.events.length = 0;
    expect(await made.reconfigure('http')).toMatchObject({ active: false, state: 'stopped' });
    expect(listener.events).toEqual([]);
    // The stored wish was not touched by any reconfigure: a new registry restores the stop.
    const again = Object.assign(new Recorder('http'), { runsByDefault: () => true });
    await registry(again).restore();
    expect(again.events).toEqual([]);
  });

  it('refuses two services with one name (a wiring mistake, found at start-up)', () => {
    expect(() => registry(new Recorder('scheduler'), new Recorder('scheduler'))).toThrow(/two services are named "scheduler"/);
  });

  it('needs no missingConfiguration from a service that always can run', async () => {
    const plain: Service = { name: 'plain', start: async () => undefined, stop: async () => undefined, report: () => ({ running: true }) };
    const made = registry(plain);
    expect(await made.start('plain')).toMatchObject({ state: 'running', running: true });
  });

  it('stops everything in reverse order', async () => {
    const order: string[] = [];
    const make = (name: string): Service => ({
      name,
      start: async () => undefined,
      stop: async () => void order.push(name),
      report: () => ({ running: true }),
    });
    const made = registry(make('first'), make('second'), make('third'));
    for (const name of ['first', 'second', 'third']) await made.start(name);
    await made.stopAll();
    expect(order).toEqual(['third', 'second', 'first']);
  });
});
