// com.roonlabs.transport:2 as the fake Core serves it (roon-api.md §3).
import { Subscriptions, type CoreConnection, type CoreService, type IncomingRequest } from './connection.js';
import { FakeCoreError, type TransportControl } from './types.js';
import type { ZoneStore } from './zone-store.js';

export const TRANSPORT_SERVICE = 'com.roonlabs.transport:2';

const CONTROLS: readonly string[] = ['play', 'pause', 'playpause', 'stop', 'previous', 'next'];

type Body = Record<string, unknown>;

function requiredString(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw new FakeCoreError('InvalidRequest', `JSON: missing required string field: ${field}`);
  return value;
}

function requiredNumber(body: Body, field: string): number {
  const value = body[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new FakeCoreError('InvalidRequest', `JSON: missing required number field: ${field}`);
  }
  return value;
}

function optionalString(body: Body, field: string): string | undefined {
  const value = body[field];
  return typeof value === 'string' ? value : undefined;
}

export function createTransportService(store: ZoneStore): CoreService {
  const zoneSubs = new Subscriptions();
  const outputSubs = new Subscriptions();
  const queueSubs = new Subscriptions<{ zoneId: string; max: number; count: number }>();

  store.on('zones', (change) => zoneSubs.sendChanged(change));
  store.on('outputs', (change) => outputSubs.sendChanged(change));
  store.on('queue', (zoneId) => {
    for (const entry of queueSubs.entries()) {
      if (entry.data.zoneId !== zoneId) continue;
      const items = store.queueItems(zoneId, entry.data.max);
      const changes: unknown[] = [];
      if (entry.data.count > 0) changes.push({ operation: 'remove', index: 0, count: entry.data.count });
      if (items.length > 0) changes.push({ operation: 'insert', index: 0, items });
      entry.data.count = items.length;
      entry.req.sendContinue('Changed', { changes });
    }
  });

  const methods: Record<string, (req: IncomingRequest, body: Body) => void> = {
    subscribe_zones: (req) => {
      zoneSubs.add(req, undefined);
      req.sendContinue('Subscribed', { zones: store.list() });
    },
    unsubscribe_zones: (req) => zoneSubs.unsubscribe(req),
    subscribe_outputs: (req) => {
      outputSubs.add(req, undefined);
      req.sendContinue('Subscribed', { outputs: store.outputs() });
    },
    unsubscribe_outputs: (req) => outputSubs.unsubscribe(req),
    subscribe_queue: (req, body) => {
      const zone = store.resolve(requiredString(body, 'zone_or_output_id'));
      const max = typeof body['max_item_count'] === 'number' ? body['max_item_count'] : 100;
      const items = store.queueItems(zone.zone_id, max);
      queueSubs.add(req, { zoneId: zone.zone_id, max, count: items.length });
      req.sendContinue('Subscribed', { items });
    },
    unsubscribe_queue: (req) => queueSubs.unsubscribe(req),
    get_zones: (req) => req.sendComplete('Success', { zones: store.list() }),
    get_outputs: (req) => req.sendComplete('Success', { outputs: store.outputs() }),
    control: (req, body) => {
      const zoneId = requiredString(body, 'zone_or_output_id');
      const control = requiredString(body, 'control');
      if (!CONTROLS.includes(control)) throw new FakeCoreError('InvalidRequest', `bad value for control: ${control}`);
      store.control(zoneId, control as TransportControl);
      req.sendComplete('Success');
    },
    seek: (req, body) => {
      store.seek(requiredString(body, 'zone_or_output_id'), requiredString(body, 'how'), requiredNumber(body, 'seconds'));
      req.sendComplete('Success');
    },
    change_volume: (req, body) => {
      store.changeVolume(requiredString(body, 'output_id'), requiredString(body, 'how'), requiredNumber(body, 'value'));
      req.sendComplete('Success');
    },
    mute: (req, body) => {
      store.mute(requiredString(body, 'output_id'), requiredString(body, 'how'));
      req.sendComplete('Success');
    },
    mute_all: (req, body) => {
      const how = requiredString(body, 'how');
      for (const output of store.outputs()) if (output.volume) store.mute(output.output_id, how);
      req.sendComplete('Success');
    },
    pause_all: (req) => {
      for (const zoneId of store.playing()) store.control(zoneId, 'pause');
      req.sendComplete('Success');
    },
    standby: (req, body) => switchSource(req, body, 'standby'),
    toggle_standby: (req, body) => switchSource(req, body, 'toggle_standby'),
    convenience_switch: (req, body) => switchSource(req, body, 'convenience_switch'),
    change_settings: (req, body) => {
      store.changeSettings(requiredString(body, 'zone_or_output_id'), body);
      req.sendComplete('Success');
    },
    play_from_here: (req, body) => {
      store.playFromHere(requiredString(body, 'zone_or_output_id'), requiredNumber(body, 'queue_item_id'));
      req.sendComplete('Success');
    },
  };

  function switchSource(req: IncomingRequest, body: Body, method: string): void {
    store.switchSource(requiredString(body, 'output_id'), method, optionalString(body, 'control_key'));
    req.sendComplete('Success');
  }

  return {
    handle(req: IncomingRequest): void {
      const method = methods[req.name];
      // A method Roon does not have gets InvalidRequest with no body (omarchy CONTEXT.md).
      if (!method) {
        req.sendComplete('InvalidRequest');
        return;
      }
      const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Body;
      try {
        method(req, body);
      } catch (error) {
        if (!(error instanceof FakeCoreError)) throw error;
        req.sendComplete(error.status, { message: error.message });
      }
    },
    connectionClosed(conn: CoreConnection): void {
      zoneSubs.dropConnection(conn);
      outputSubs.dropConnection(conn);
      queueSubs.dropConnection(conn);
    },
  };
}
