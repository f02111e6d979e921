// The zones of the paired Core, kept up to date from the transport subscription (no
// polling). On a lost Core the last state stays (marked stale by the connection status)
// until the next `Subscribed` replaces it; every new pairing subscribes again.
import { EventEmitter } from 'node:events';
import type { Zone } from '../../core/roon/zone.js';
import type { RoonConnection } from './connection.js';
import type { PairedCore, RoonSubscription } from './paired-core.js';
import { TransportClient } from './transport.js';
import { toZone, withSeek, type ZonesMessage } from './wire.js';

export interface ZoneChange {
  /** Zones whose state changed (every zone on a fresh subscription). */
  readonly changed: readonly Zone[];
  readonly removed: readonly string[];
}

interface ZoneFeedEvents {
  change: [ZoneChange];
}

export class ZoneFeed extends EventEmitter<ZoneFeedEvents> {
  private readonly zoneMap = new Map<string, Zone>();
  private readonly connection: RoonConnection;
  private subscription?: RoonSubscription;
  private readonly onPaired = (core: PairedCore) => this.subscribe(core);
  private readonly onUnpaired = () => {
    this.subscription = undefined;
  };

  constructor(connection: RoonConnection) {
    super();
    this.connection = connection;
    this.setMaxListeners(0);
  }

  get zones(): Zone[] {
    return [...this.zoneMap.values()];
  }

  attach(): void {
    this.connection.on('paired', this.onPaired);
    this.connection.on('unpaired', this.onUnpaired);
    if (this.connection.core) this.subscribe(this.connection.core);
  }

  detach(): void {
    this.connection.off('paired', this.onPaired);
    this.connection.off('unpaired', this.onUnpaired);
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  private subscribe(core: PairedCore): void {
    this.subscription = new TransportClient(core).subscribeZones(
      (message, initial) => this.apply(message, initial),
      () => undefined,
    );
  }

  private apply(message: ZonesMessage, initial: boolean): void {
    const changed: Zone[] = [];
    const removed: string[] = [];
    if (initial) {
      removed.push(...this.zoneMap.keys());
      this.zoneMap.clear();
    }
    for (const wire of [...(message.zones ?? []), ...(message.zones_added ?? []), ...(message.zones_changed ?? [])]) {
      const zone = toZone(wire);
      this.zoneMap.set(zone.id, zone);
      changed.push(zone);
    }
    for (const seek of message.zones_seek_changed ?? []) {
      const zone = this.zoneMap.get(seek.zone_id);
      if (!zone) continue;
      const moved = withSeek(zone, seek.seek_position);
      this.zoneMap.set(zone.id, moved);
      changed.push(moved);
    }
    for (const id of message.zones_removed ?? []) {
      if (this.zoneMap.delete(id)) removed.push(id);
    }
    const stillRemoved = removed.filter((id) => !this.zoneMap.has(id));
    if (changed.length || stillRemoved.length) this.emit('change', { changed, removed: stillRemoved });
  }
}
