import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './daemon.js';

/**
 * Real files written by other projects live beside the repository, in ../shared/fixtures/real
 * (provenance and facts in its README); tests read them there and never copy them in.
 */
export const REAL_FIXTURES = join(REPO_ROOT, '..', 'shared', 'fixtures', 'real');

/** The path of one real fixture, e.g. realFixture('koito', 'maloja_import_test.json'). */
export function realFixture(...parts: string[]): string {
  const path = join(REAL_FIXTURES, ...parts);
  if (!existsSync(path)) throw new Error(`real fixture missing: ${path} (the shared folder must sit beside the repository)`);
  return path;
}
