/** `listens.remove|edit` and `aliases.*`: fixing what was recorded, in ways re-imports respect. */
import type { ListenSourceName } from './listens.js';

export interface CorrectedListenDto {
  readonly id: number;
  readonly timestamp: number;
  /** ISO 8601, UTC. */
  readonly date: string;
  /** "YYYY-MM-DD HH:MM" in the configured time zone. */
  readonly localTime: string;
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  readonly source: ListenSourceName;
}

export interface RemoveListensResult {
  readonly removed: CorrectedListenDto[];
  readonly count: number;
}

export interface EditListenParams {
  readonly id: number;
  readonly artist?: string;
  readonly title?: string;
  /** An empty string takes the listen off its album. */
  readonly album?: string;
  /** "YYYY-MM-DD HH:MM" (configured zone), an ISO date-time or epoch seconds. */
  readonly time?: string;
}

export interface EditListenResult {
  readonly id: number;
  readonly before: CorrectedListenDto;
  readonly after: CorrectedListenDto;
}

export interface AliasAddResult {
  readonly name: string;
  readonly canonical: string;
  /** The canonical name the alias pointed to before, when it was replaced. */
  readonly replaced: string | null;
  /** Listens recorded under the alias's name, now counted for the canonical artist. */
  readonly listens: number;
  /** Whether the canonical artist has listens of its own yet. */
  readonly canonicalHeard: boolean;
}

export interface AliasEntryDto {
  readonly name: string;
  readonly canonical: string;
  readonly listens: number;
  /** ISO 8601, UTC. */
  readonly created: string;
}

export interface AliasListResult {
  readonly items: AliasEntryDto[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface CorrectionsMethods {
  'listens.remove': { params: { ids: number[] }; result: RemoveListensResult };
  'listens.edit': { params: EditListenParams; result: EditListenResult };
  'aliases.add': { params: { name: string; canonical: string }; result: AliasAddResult };
  'aliases.list': { params: { page?: number; pageSize?: number }; result: AliasListResult };
  'aliases.remove': { params: { name: string }; result: { name: string; canonical: string } };
}
