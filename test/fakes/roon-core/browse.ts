// com.roonlabs.browse:1: a cursor per (connection, hierarchy, multi_session_key), a stack of
// levels, and item keys ("<list id>:<index>") that die with the list that made them — on
// pop, refresh_list, pop_all, a new search or a reconnect.
import type { CoreConnection, CoreService, IncomingRequest } from './connection.js';
import { createBrowseRoots, HIERARCHIES, type BrowseNode, type Hierarchy } from './browse-tree.js';
import type { LibraryIndex } from './library.js';
import { FakeCoreError } from './types.js';
import type { ZoneStore } from './zone-store.js';

export const BROWSE_SERVICE = 'com.roonlabs.browse:1';

interface Level {
  node: BrowseNode;
  input: string | undefined;
  listId: number;
  items: BrowseNode[];
}

interface Session {
  levels: Level[];
}

type Body = Record<string, unknown>;

export function createBrowseService(library: LibraryIndex, store: ZoneStore): CoreService {
  const roots = createBrowseRoots(library, store);
  const sessions = new Map<string, Session>();
  let nextListId = 1;

  const open = (node: BrowseNode, input: string | undefined): Level => ({
    node,
    input,
    listId: nextListId++,
    items: node.children?.(input) ?? [],
  });

  const listOf = (session: Session, levelIndex = session.levels.length - 1): Record<string, unknown> => {
    const level = session.levels[levelIndex];
    if (!level) throw new FakeCoreError('InvalidLevels', `no level ${levelIndex}`);
    return {
      title: level.node.title,
      count: level.items.length,
      subtitle: level.node.subtitle ?? null,
      image_key: level.node.image_key ?? null,
      level: levelIndex,
      display_offset: null,
      hint: level.node.hint === 'action_list' ? 'action_list' : null,
    };
  };

  const hierarchyOf = (body: Body): Hierarchy => {
    const hierarchy = body['hierarchy'];
    if (typeof hierarchy !== 'string') {
      throw new FakeCoreError('InvalidRequest', 'JSON: missing required string field: hierarchy');
    }
    if (!(HIERARCHIES as readonly string[]).includes(hierarchy)) {
      throw new FakeCoreError('InvalidRequest', `unknown hierarchy: ${hierarchy}`);
    }
    return hierarchy as Hierarchy;
  };

  const sessionKey = (conn: CoreConnection, hierarchy: string, body: Body): string =>
    `${conn.id}\u0000${hierarchy}\u0000${String(body['multi_session_key'] ?? '')}`;

  function browse(req: IncomingRequest, body: Body): unknown {
    const hierarchy = hierarchyOf(body);
    const key = sessionKey(req.conn, hierarchy, body);
    const input = typeof body['input'] === 'string' ? body['input'] : undefined;
    const itemKey = typeof body['item_key'] === 'string' ? body['item_key'] : undefined;
    let session = sessions.get(key);
    const searching = hierarchy === 'search' && input !== undefined && itemKey === undefined;
    if (!session || body['pop_all'] === true || searching) {
      if (!session && itemKey !== undefined) throw new FakeCoreError('InvalidItemKey', `unknown item_key ${itemKey}`);
      session = { levels: [open(roots[hierarchy], input)] };
      sessions.set(key, session);
    }
    const levels = session.levels;
    if (typeof body['pop_levels'] === 'number' && body['pop_levels'] > 0) {
      levels.splice(Math.max(1, levels.length - body['pop_levels']));
    }
    if (body['refresh_list'] === true) {
      const top = levels[levels.length - 1];
      if (top) levels[levels.length - 1] = open(top.node, top.input);
    }
    if (itemKey !== undefined) {
      const [listPart, indexPart] = itemKey.split(':');
      const at = levels.findIndex((l) => String(l.listId) === listPart);
      const item = levels[at]?.items[Number(indexPart)];
      if (!item) throw new FakeCoreError('InvalidItemKey', `unknown item_key ${itemKey}`);
      if (item.perform) return perform(item, body);
      if (!item.children) return { action: 'none' };
      levels.splice(at + 1);
      levels.push(open(item, input));
    }
    return { action: 'list', list: listOf(session) };
  }

  function perform(item: BrowseNode, body: Body): unknown {
    const zoneOrOutputId = body['zone_or_output_id'];
    if (typeof zoneOrOutputId !== 'string') {
      return { action: 'message', is_error: true, message: 'Zone is not configured' };
    }
    let zoneId: string;
    try {
      zoneId = store.resolve(zoneOrOutputId).zone_id;
    } catch {
      throw new FakeCoreError('ZoneNotFound', `zone not found: ${zoneOrOutputId}`);
    }
    item.perform?.(zoneId);
    return { action: 'none' };
  }

  function load(req: IncomingRequest, body: Body): unknown {
    const hierarchy = hierarchyOf(body);
    const key = sessionKey(req.conn, hierarchy, body);
    let session = sessions.get(key);
    if (!session) {
      session = { levels: [open(roots[hierarchy], undefined)] };
      sessions.set(key, session);
    }
    const levelIndex = typeof body['level'] === 'number' ? body['level'] : session.levels.length - 1;
    const level = session.levels[levelIndex];
    if (!level) throw new FakeCoreError('InvalidLevels', `no level ${levelIndex}`);
    const offset = typeof body['offset'] === 'number' ? Math.max(0, body['offset']) : 0;
    const count = typeof body['count'] === 'number' ? Math.max(0, body['count']) : 100;
    const items = level.items.slice(offset, offset + count).map((node, i) => {
      const item: Record<string, unknown> = {
        title: node.title,
        subtitle: node.subtitle ?? null,
        image_key: node.image_key ?? null,
        item_key: `${level.listId}:${offset + i}`,
        hint: node.hint,
      };
      if (node.input_prompt) item['input_prompt'] = node.input_prompt;
      return item;
    });
    return { items, offset, list: listOf(session, levelIndex) };
  }

  return {
    handle(req: IncomingRequest): void {
      const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Body;
      const method = req.name === 'browse' ? browse : req.name === 'load' ? load : undefined;
      if (!method) {
        req.sendComplete('InvalidRequest');
        return;
      }
      try {
        req.sendComplete('Success', method(req, body));
      } catch (error) {
        if (!(error instanceof FakeCoreError)) throw error;
        req.sendComplete(error.status, { message: error.message });
      }
    },
    connectionClosed(conn: CoreConnection): void {
      for (const key of sessions.keys()) if (key.startsWith(`${conn.id}\u0000`)) sessions.delete(key);
    },
  };
}
