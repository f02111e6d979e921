import { existsSync, readFileSync } from 'node:fs';

/** package.json sits two levels up from dist/src/version.js, one from src/version.ts (tests). */
function packageJson(): URL {
  const built = new URL('../../package.json', import.meta.url);
  return existsSync(built) ? built : new URL('../package.json', import.meta.url);
}

/** The package version, read once. */
export const VERSION: string = (JSON.parse(readFileSync(packageJson(), 'utf8')) as { version: string }).version;

export const PROJECT_URL = 'https://github.com/aime-music/aime';
