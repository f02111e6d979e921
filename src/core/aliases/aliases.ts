import { creditArtists, possibleArtists } from '../credits.js';
import { NotFoundError, UserError } from '../errors.js';
import { nameKey } from '../names.js';
import type { Page, PageRequest } from '../paging.js';
import { pageOffset } from '../paging.js';
import type { ArtistAlias, ArtistAliasStore } from './ports.js';

export interface AliasAdded {
  readonly name: string;
  readonly canonical: string;
  /** The canonical name it pointed to before, when this replaced an alias. */
  readonly replaced: string | null;
  /** Listens recorded under the alias's name, now counted for the canonical artist. */
  readonly listens: number;
  /** Whether any listen names the canonical artist yet (an alias may point at an artist not heard yet). */
  readonly canonicalHeard: boolean;
}

export interface AliasEntry {
  readonly name: string;
  readonly canonical: string;
  readonly listens: number;
  /** ISO 8601, UTC. */
  readonly created: string;
}

/**
 * `aime alias artist <name> <canonical>`: from now on every listen whose artist credit is
 * `name` (by name key, from every source, past and future) counts for `canonical`. A
 * canonical name not heard yet is allowed: the alias is for the listens to come too. An
 * alias that would lead back to itself (A → A, A → B → A) is refused.
 */
export function addAlias(store: ArtistAliasStore, name: string, canonical: string, now: number): AliasAdded {
  const alias: ArtistAlias = { name: name.trim(), nameKey: keyOf(name, 'alias'), canonical: canonical.trim(), canonicalKey: keyOf(canonical, 'canonical artist'), createdAt: now };
  if (alias.nameKey === alias.canonicalKey) {
    throw new UserError(`"${alias.name}" → "${alias.canonical}" would make a cycle: both already name the same artist (case, accents, punctuation and "The" are ignored)`);
  }
  const others = new Map(store.all().filter((known) => known.nameKey !== alias.nameKey).map((known) => [known.nameKey, known]));
  const cycle = cycleThrough(alias, others);
  if (cycle) throw new UserError(`an alias "${alias.name}" → "${alias.canonical}" would make a cycle: ${cycle.map((step) => `"${step}"`).join(' → ')}`);
  const replaced = store.save(alias);
  return {
    name: alias.name,
    canonical: alias.canonical,
    replaced: replaced?.canonical ?? null,
    listens: store.listensOf(alias.nameKey),
    canonicalHeard: targets(alias.canonical).some((key) => store.listensOf(key) > 0),
  };
}

export function removeAlias(store: ArtistAliasStore, name: string): { name: string; canonical: string } {
  const removed = store.remove(keyOf(name, 'alias'));
  if (!removed) throw new NotFoundError(`no alias "${name.trim()}" (see aime alias list)`);
  return { name: removed.name, canonical: removed.canonical };
}

export function listAliases(store: ArtistAliasStore, request: PageRequest): Page<AliasEntry> {
  const { total, items } = store.page(request.pageSize, pageOffset(request));
  return {
    items: items.map((alias) => ({ name: alias.name, canonical: alias.canonical, listens: alias.listens, created: new Date(alias.createdAt * 1000).toISOString() })),
    total,
    page: request.page,
    pageSize: request.pageSize,
  };
}

/**
 * The names from the new alias back to itself, if following aliases from its canonical
 * name (and from each artist that name may split into) reaches it again.
 */
function cycleThrough(alias: ArtistAlias, others: ReadonlyMap<string, ArtistAlias>): string[] | undefined {
  const seen = new Set<string>();
  const walk = (canonical: string, path: readonly string[]): string[] | undefined => {
    for (const key of targets(canonical)) {
      if (key === alias.nameKey) return [...path, alias.name];
      if (seen.has(key)) continue;
      seen.add(key);
      const next = others.get(key);
      if (next) {
        const found = walk(next.canonical, [...path, next.name]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(alias.canonical, [alias.name]);
}

/** The name keys a canonical name may count for: itself whole, and each artist it may split into. */
function targets(canonical: string): string[] {
  const names = [canonical, ...creditArtists(canonical), ...possibleArtists(canonical).flat()];
  return [...new Set(names.map(nameKey).filter(Boolean))];
}

function keyOf(name: string, what: string): string {
  const key = nameKey(name);
  if (!key) throw new UserError(`the ${what} "${name}" has no letters or digits to match`);
  return key;
}
