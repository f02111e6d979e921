import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { NotFoundError, UserError } from '../errors.js';
import type { Clock } from '../ports.js';
import type { ApiTokenRecord, ApiTokenStore } from './ports.js';

export interface CreatedToken {
  /** Shown once; only its digest is kept. */
  readonly token: string;
  readonly record: ApiTokenRecord;
}

const NAME_MAX_LENGTH = 64;
/** last_used_at is rewritten at most this often per token: a write per listen would be waste. */
const TOUCH_EVERY_SECONDS = 60;

/**
 * The tokens other players use on the ListenBrainz-compatible endpoint. A token is 32
 * random bytes (64 hex digits), stored as its SHA-256 digest: with that much randomness a
 * plain hash cannot be reversed or guessed, so a slow password hash (bcrypt, scrypt) would
 * only slow every request down. Checks compare digests in constant time, every stored one
 * each time, so timing says nothing about which token came close.
 */
export class ApiTokens {
  private readonly store: ApiTokenStore;
  private readonly clock: Clock;

  constructor(store: ApiTokenStore, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  create(name?: string): CreatedToken {
    const taken = new Set(this.store.list().map((record) => record.name));
    const chosen = name === undefined ? freeName(taken) : checkedName(name);
    if (taken.has(chosen)) throw new UserError(`a token named "${chosen}" already exists (aime token list)`);
    const token = randomBytes(32).toString('hex');
    const record = this.store.insert(chosen, digestOf(token), this.nowSeconds());
    return { token, record };
  }

  list(): ApiTokenRecord[] {
    return this.store.list();
  }

  /** By id, or by name. */
  remove(reference: string): ApiTokenRecord {
    const records = this.store.list();
    const wanted = /^\d+$/.test(reference) ? records.find((record) => record.id === Number(reference)) : undefined;
    const record = wanted ?? records.find((candidate) => candidate.name === reference);
    if (!record || !this.store.remove(record.id)) throw new NotFoundError(`no token "${reference}" (aime token list)`);
    return record;
  }

  /** The token's record when it is valid; notes when it was last used. */
  verify(token: string): ApiTokenRecord | undefined {
    const presented = digestOf(token);
    let match: ApiTokenRecord | undefined;
    for (const credential of this.store.credentials()) {
      if (timingSafeEqual(presented, credential.digest) && !match) match = credential;
    }
    if (!match) return undefined;
    const now = this.nowSeconds();
    const stale = match.lastUsedAt === null || now - match.lastUsedAt >= TOUCH_EVERY_SECONDS;
    if (stale) this.store.touch(match.id, now);
    return { id: match.id, name: match.name, createdAt: match.createdAt, lastUsedAt: stale ? now : match.lastUsedAt };
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }
}

function digestOf(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new UserError('a token name cannot be empty');
  if (trimmed.length > NAME_MAX_LENGTH) throw new UserError(`a token name has at most ${NAME_MAX_LENGTH} characters`);
  return trimmed;
}

function freeName(taken: ReadonlySet<string>): string {
  let number = taken.size + 1;
  while (taken.has(`token-${number}`)) number++;
  return `token-${number}`;
}
