// com.roonlabs.browse:1 (roon-api.md §4): `browse` moves a session's cursor, `load` reads
// the level it points at. Item keys only live in the session and level that made them.
import type { PairedCore } from './paired-core.js';
import { BROWSE_SERVICE } from './services.js';

export type BrowseHierarchy = 'browse' | 'playlists' | 'settings' | 'internet_radio' | 'albums' | 'artists' | 'genres' | 'composers' | 'search';

export interface BrowseItem {
  readonly title: string;
  readonly subtitle: string | null;
  readonly itemKey: string | null;
  /** Unknown hints are read as null (§4.1). */
  readonly hint: 'action' | 'action_list' | 'list' | 'header' | null;
  readonly imageKey: string | null;
}

export interface BrowseList {
  readonly title: string;
  readonly count: number;
  readonly level: number;
}

export type BrowseOutcome =
  | { readonly action: 'list'; readonly list: BrowseList }
  | { readonly action: 'message'; readonly message: string; readonly isError: boolean }
  | { readonly action: 'none' | 'replace_item' | 'remove_item' };

export interface BrowseRequest {
  readonly hierarchy: BrowseHierarchy;
  readonly sessionKey: string;
  readonly itemKey?: string;
  readonly input?: string;
  readonly zoneOrOutputId?: string;
  readonly popAll?: boolean;
}

const HINTS = ['action', 'action_list', 'list', 'header'] as const;

export class BrowseClient {
  private readonly core: PairedCore;

  constructor(core: PairedCore) {
    this.core = core;
  }

  async browse(request: BrowseRequest): Promise<BrowseOutcome> {
    const body: Record<string, unknown> = { hierarchy: request.hierarchy, multi_session_key: request.sessionKey };
    if (request.itemKey !== undefined) body['item_key'] = request.itemKey;
    if (request.input !== undefined) body['input'] = request.input;
    if (request.zoneOrOutputId !== undefined) body['zone_or_output_id'] = request.zoneOrOutputId;
    if (request.popAll) body['pop_all'] = true;
    const reply = record((await this.core.request(`${BROWSE_SERVICE}/browse`, body)).body);
    const action = reply['action'];
    if (action === 'list') return { action, list: toList(record(reply['list'])) };
    if (action === 'message') return { action, message: String(reply['message'] ?? ''), isError: reply['is_error'] === true };
    if (action === 'replace_item' || action === 'remove_item') return { action };
    return { action: 'none' };
  }

  /** Every item of the session's current level (paged by 100). */
  async loadAll(hierarchy: BrowseHierarchy, sessionKey: string): Promise<BrowseItem[]> {
    const items: BrowseItem[] = [];
    for (;;) {
      const reply = record((await this.core.request(`${BROWSE_SERVICE}/load`, { hierarchy, multi_session_key: sessionKey, offset: items.length, count: 100 })).body);
      const page = Array.isArray(reply['items']) ? reply['items'].map((item) => toItem(record(item))) : [];
      items.push(...page);
      const total = toList(record(reply['list'])).count;
      if (page.length === 0 || items.length >= total) return items;
    }
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function toList(raw: Record<string, unknown>): BrowseList {
  return { title: text(raw['title']) ?? '', count: typeof raw['count'] === 'number' ? raw['count'] : 0, level: typeof raw['level'] === 'number' ? raw['level'] : 0 };
}

function toItem(raw: Record<string, unknown>): BrowseItem {
  const hint = HINTS.find((h) => h === raw['hint']) ?? null;
  return { title: text(raw['title']) ?? '', subtitle: text(raw['subtitle']), itemKey: text(raw['item_key']), hint, imageKey: text(raw['image_key']) };
}
