// The pairing token store (roon.json, mode 0600). node-roon-api's default writes
// ./config.json in the working directory and swallows errors (roon-api.md §0.10).
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { PersistedState } from '@roonlabs/node-roon-api';

export class RoonStateFile {
  private readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  read(): PersistedState {
    if (!existsSync(this.path)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.path, 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as PersistedState) : {};
    } catch {
      // A broken file only costs a new pairing; the next write replaces it.
      return {};
    }
  }

  /** Written beside and renamed, so a crash never leaves half a token file. */
  write(state: PersistedState): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.path);
  }

  hasToken(): boolean {
    return Object.keys(this.read().tokens ?? {}).length > 0;
  }
}
