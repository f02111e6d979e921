// The daemon's house rules, checked: handlers and services never import each other (only a
// feature file knows both), one method is served by one feature, and a handler reads its
// params through the contract's names, validated once before it runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleFeatures } from '../../src/daemon/features/feature.js';
import { filledText, int, optional } from '../../src/daemon/handlers/params.js';
import { handlerTable } from '../../src/daemon/handlers/typed.js';
import type { RequestContext } from '../../src/daemon/server.js';
import { ServiceRegistry } from '../../src/daemon/services/registry.js';
import { UserError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/log.js';
import { REPO_ROOT } from '../support/daemon.js';

const DAEMON = join(REPO_ROOT, 'src', 'daemon');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The folders under src/daemon/ a file imports from. */
function daemonImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((match) => relative(DAEMON, join(file, '..', match[1] as string)).split('/')[0] as string);
}

const noStates = { all: async () => [], save: async () => undefined, recordError: async () => undefined };

const context = { requestId: 1, notify: () => undefined, signal: new AbortController().signal, onDisconnect: () => undefined } satisfies RequestContext;

describe('daemon wiring', () => {
  it('keeps handlers and services apart: only feature files import both', () => {
    for (const file of sources(join(DAEMON, 'handlers'))) expect(daemonImports(file), relative(REPO_ROOT, file)).not.toContain('services');
    for (const file of sources(join(DAEMON, 'services'))) expect(daemonImports(file), relative(REPO_ROOT, file)).not.toContain('handlers');
    for (const file of [...sources(join(DAEMON, 'handlers')), ...sources(join(DAEMON, 'services'))]) expect(daemonImports(file)).not.toContain('features');
  });

  it('refuses at start-up a method that two features serve', () => {
    const registry = new ServiceRegistry(noStates, silentLogger());
    const status = async () => ({});
    expect(() => assembleFeatures(registry, [{ handlers: { 'system.status': status } }, { handlers: { 'system.status': status } }])).toThrow(/two features serve the method "system.status"/);
  });

  it('reads params through the contract once, and refuses bad ones as invalid params', async () => {
    const seen: unknown[] = [];
    const table = handlerTable<'jobs.history'>({
      'jobs.history': {
        params: { job: optional(filledText()), limit: optional(int({ min: 1, max: 1000 })), page: optional(int({ min: 1 })) },
        run: async (params) => {
          seen.push(params);
          return { runs: [], timezone: 'UTC', items: [], total: 0, page: 1, pageSize: 20 };
        },
      },
    });
    await table['jobs.history']({ limit: 5, ignored: true }, context);
    expect(seen).toEqual([{ job: undefined, limit: 5, page: undefined }]);
    const refused = await table['jobs.history']({ limit: 0 }, context).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UserError);
    expect(refused).toMatchObject({ message: 'invalid params: limit must be at least 1', detail: { invalidParams: true, param: 'limit' } });
    expect(seen).toHaveLength(1);
  });

  it('does not compile a schema or a handler that uses a name the contract does not have', () => {
    handlerTable<'jobs.run'>({
      'jobs.run': {
        // @ts-expect-error `job` is not a param of jobs.run (its param is `name`)
        params: { job: filledText() },
        // @ts-expect-error the handler cannot read a param the contract does not declare
        run: async (params) => ({ ...finishedRun, job: params.job }),
      },
    });
    handlerTable<'jobs.run'>({
      // @ts-expect-error a required param cannot be read as optional
      'jobs.run': { params: { name: optional(filledText()) }, run: async (params) => ({ ...finishedRun, job: params.name }) },
    });
  });
});

const finishedRun = { id: 1, job: 'enrich', trigger: 'manual', status: 'ok', startedAt: '', finishedAt: null, durationMs: null, outputFile: null, error: null, details: {} };
