/** What artist aliases need from storage (db/repositories/artist-aliases.ts implements it). */

export interface ArtistAlias {
  /** The alias as typed, and its name key (core/names.ts): the key is what matches listens. */
  readonly name: string;
  readonly nameKey: string;
  /** The canonical artist as typed (may be a credit such as "Simon / Garfunkel"). */
  readonly canonical: string;
  readonly canonicalKey: string;
  /** UTC epoch seconds. */
  readonly createdAt: number;
}

export interface ArtistAliasStore {
  /** Every alias (a few hundred at most: read whole for the cycle rule). */
  all(): ArtistAlias[];
  /** Adds or replaces the alias of `alias.nameKey`; returns the one it replaced. */
  save(alias: ArtistAlias): ArtistAlias | undefined;
  remove(nameKey: string): ArtistAlias | undefined;
  /** A page of aliases by name, with the listens recorded under each alias's name. */
  page(limit: number, offset: number): { total: number; items: (ArtistAlias & { listens: number })[] };
  /** Listens recorded under an artist name key (the whole credit). */
  listensOf(nameKey: string): number;
}
