// The fake Core's zones: every mutation (from the transport service, browse actions or the
// test) goes through here and is announced as `zones` / `outputs` / `queue` events, which
// the transport service forwards to its subscribers as `Changed`.
import { EventEmitter } from 'node:events';
import type { LibraryIndex } from './library.js';
import {
  FakeCoreError,
  type FakeTrack,
  type Output,
  type OutputsChanged,
  type QueueItem,
  type TransportControl,
  type Zone,
  type ZonesChanged,
} from './types.js';
import {
  applySettings,
  changeVolume,
  current,
  modelFromSpec,
  setMuted,
  switchSource,
  toQueueItems,
  toWireZone,
  toZoneSeek,
  type FakeZoneSpec,
  type QueuedTrack,
  type ZoneModel,
} from './zone-model.js';

export interface ZoneStoreEvents {
  zones: [ZonesChanged];
  outputs: [OutputsChanged];
  queue: [string];
}

export class ZoneStore extends EventEmitter<ZoneStoreEvents> {
  private readonly models = new Map<string, ZoneModel>();
  private nextQueueItemId = 1;

  constructor(
    specs: FakeZoneSpec[],
    private readonly library: LibraryIndex,
  ) {
    super();
    for (const spec of specs) this.insert(spec);
  }

  list(): Zone[] {
    return [...this.models.values()].map(toWireZone);
  }

  outputs(): Output[] {
    return [...this.models.values()].flatMap((z) => structuredClone(z.outputs));
  }

  queueItems(zoneOrOutputId: string, max: number): QueueItem[] {
    return toQueueItems(this.resolve(zoneOrOutputId), max);
  }

  /** A zone id, or the id of one of its outputs (as Roon's `zone_or_output_id`). */
  resolve(zoneOrOutputId: string): ZoneModel {
    const zone =
      this.models.get(zoneOrOutputId) ??
      [...this.models.values()].find((z) => z.outputs.some((o) => o.output_id === zoneOrOutputId));
    if (!zone) throw new FakeCoreError('InvalidRequest', `zone or output not found: ${zoneOrOutputId}`);
    return zone;
  }

  addZone(spec: FakeZoneSpec): Zone {
    const zone = this.insert(spec);
    this.emit('zones', { zones_added: [toWireZone(zone)] });
    this.emit('outputs', { outputs_added: structuredClone(zone.outputs) });
    return toWireZone(zone);
  }

  removeZone(zoneId: string): void {
    const zone = this.resolve(zoneId);
    this.models.delete(zone.zone_id);
    this.emit('zones', { zones_removed: [zone.zone_id] });
    this.emit('outputs', { outputs_removed: zone.outputs.map((o) => o.output_id) });
  }

  control(zoneOrOutputId: string, control: TransportControl): void {
    const zone = this.resolve(zoneOrOutputId);
    const track = current(zone);
    switch (control) {
      case 'play':
        if (track) zone.state = 'playing';
        break;
      case 'pause':
        if (zone.state === 'playing') zone.state = 'paused';
        break;
      case 'playpause':
        if (track) zone.state = zone.state === 'playing' ? 'paused' : 'playing';
        break;
      case 'stop':
        zone.state = 'stopped';
        if (track) zone.seek = track.length === undefined ? null : 0;
        break;
      case 'next':
        if (track) this.moveOn(zone, true);
        break;
      case 'previous':
        if (track && (zone.seek ?? 0) <= 3 && zone.index > 0) zone.index -= 1;
        if (track) zone.seek = 0;
        break;
      default:
        throw new FakeCoreError('InvalidRequest', `bad value for control: ${String(control)}`);
    }
    this.changed(zone, control === 'next' || control === 'previous');
  }

  seek(zoneOrOutputId: string, how: string, seconds: number): void {
    const zone = this.resolve(zoneOrOutputId);
    const track = current(zone);
    if (!track || track.length === undefined) throw new FakeCoreError('InvalidRequest', 'seek is not allowed now');
    if (how !== 'absolute' && how !== 'relative') throw new FakeCoreError('InvalidRequest', `bad value for how: ${how}`);
    const target = how === 'absolute' ? seconds : (zone.seek ?? 0) + seconds;
    zone.seek = Math.min(track.length, Math.max(0, target));
    this.emit('zones', { zones_seek_changed: [toZoneSeek(zone)] });
  }

  changeSettings(zoneOrOutputId: string, settings: { shuffle?: unknown; auto_radio?: unknown; loop?: unknown }): void {
    const zone = this.resolve(zoneOrOutputId);
    applySettings(zone.settings, settings);
    this.changed(zone, false);
  }

  /** change_volume, mute, standby… on one output; the zone and the output are announced. */
  updateOutput(outputId: string, apply: (output: Output) => void): void {
    const zone = [...this.models.values()].find((z) => z.outputs.some((o) => o.output_id === outputId));
    const output = zone?.outputs.find((o) => o.output_id === outputId);
    if (!zone || !output) throw new FakeCoreError('InvalidRequest', `output not found: ${outputId}`);
    apply(output);
    this.emit('outputs', { outputs_changed: [structuredClone(output)] });
    this.changed(zone, false);
  }

  changeVolume(outputId: string, how: string, value: number): void {
    this.updateOutput(outputId, (o) => changeVolume(o, how, value));
  }

  mute(outputId: string, how: string): void {
    this.updateOutput(outputId, (o) => setMuted(o, how));
  }

  switchSource(outputId: string, method: string, controlKey: string | undefined): void {
    const zone = this.resolve(outputId);
    this.updateOutput(outputId, (o) => switchSource(o, method, controlKey));
    if (method !== 'convenience_switch' && zone.state === 'playing') this.control(zone.zone_id, 'pause');
  }

  playFromHere(zoneOrOutputId: string, queueItemId: number): void {
    const zone = this.resolve(zoneOrOutputId);
    const at = zone.queue.findIndex((t, i) => i >= zone.index && t.queue_item_id === queueItemId);
    if (at < 0) throw new FakeCoreError('InvalidRequest', `queue item not found: ${queueItemId}`);
    this.startAt(zone, zone.queue.slice(), at);
  }

  /** Browse "Play Now": replaces the queue and plays. */
  playNow(zoneId: string, tracks: FakeTrack[], radio = false): void {
    const zone = this.resolve(zoneId);
    if (radio) zone.settings.auto_radio = true;
    this.startAt(zone, tracks.map((t) => this.queued(t)), 0);
  }

  /** Browse "Add Next" (after the current track) and "Queue" (at the end); an idle zone starts playing. */
  enqueue(zoneId: string, tracks: FakeTrack[], where: 'next' | 'end'): void {
    const zone = this.resolve(zoneId);
    if (!current(zone)) {
      this.playNow(zoneId, tracks);
      return;
    }
    const at = where === 'next' ? zone.index + 1 : zone.queue.length;
    zone.queue.splice(at, 0, ...tracks.map((t) => this.queued(t)));
    this.changed(zone, true);
  }

  setQueue(zoneId: string, tracks: FakeTrack[], options: { state?: 'playing' | 'paused' | 'stopped'; seek?: number } = {}): void {
    const zone = this.resolve(zoneId);
    this.startAt(zone, tracks.map((t) => this.queued(t)), 0, options.state ?? 'playing', options.seek ?? 0);
  }

  /** Replaces the current item (keeping the rest of the queue), or starts a queue of one. */
  setNowPlaying(zoneId: string, track: FakeTrack, options: { state?: 'playing' | 'paused' | 'stopped'; seek?: number } = {}): void {
    const zone = this.resolve(zoneId);
    const queue = zone.queue.slice();
    const at = Math.max(zone.index, 0);
    queue.splice(at, zone.index >= 0 ? 1 : 0, this.queued(track));
    this.startAt(zone, queue, at, options.state ?? 'playing', options.seek ?? 0);
  }

  setRadio(zoneId: string, station: string, meta: { title?: string; artist?: string } = {}): void {
    const stream: FakeTrack = {
      title: meta.title ?? station,
      artist: meta.artist ?? '',
      album: station,
      station,
      image_key: this.library.stationImageKey(station),
    };
    const zone = this.resolve(zoneId);
    const keepSeek = current(zone)?.station === station ? zone.seek : 0;
    this.startAt(zone, [this.queued(stream)], 0, 'playing', keepSeek ?? 0);
  }

  /** Time passes on a playing zone: seek moves, and at the end of a track the queue moves on. */
  advance(zoneId: string, seconds: number): void {
    const zone = this.resolve(zoneId);
    if (zone.state !== 'playing' || !current(zone)) return;
    let left = seconds;
    let trackChanged = false;
    while (left > 0 && zone.state === 'playing') {
      const track = current(zone);
      if (!track) break;
      const position = zone.seek ?? 0;
      if (track.length === undefined || position + left < track.length) {
        zone.seek = position + left;
        break;
      }
      left -= track.length - position;
      this.moveOn(zone, false);
      trackChanged = true;
    }
    if (trackChanged) this.changed(zone, true);
    else this.emit('zones', { zones_seek_changed: [toZoneSeek(zone)] });
  }

  playing(): string[] {
    return [...this.models.values()].filter((z) => z.state === 'playing').map((z) => z.zone_id);
  }

  private moveOn(zone: ZoneModel, skip: boolean): void {
    zone.seek = 0;
    if (!skip && zone.settings.loop === 'loop_one') return;
    if (zone.index < zone.queue.length - 1) {
      zone.index += 1;
    } else if (zone.settings.loop === 'loop' && zone.queue.length > 0) {
      zone.index = 0;
    } else {
      const pick = zone.settings.auto_radio ? this.library.radioPick(zone.queue) : undefined;
      if (pick) {
        zone.queue.push(this.queued(pick));
        zone.index += 1;
      } else {
        zone.queue = [];
        zone.index = -1;
        zone.seek = null;
        zone.state = 'stopped';
      }
    }
  }

  private startAt(
    zone: ZoneModel,
    queue: QueuedTrack[],
    index: number,
    state: 'playing' | 'paused' | 'stopped' = 'playing',
    seek = 0,
  ): void {
    zone.queue = queue;
    zone.index = queue.length > 0 ? index : -1;
    zone.seek = queue.length > 0 ? seek : null;
    zone.state = queue.length > 0 ? state : 'stopped';
    this.changed(zone, true);
  }

  private queued(track: FakeTrack): QueuedTrack {
    const { queue_item_id: _ignored, ...plain } = track as QueuedTrack;
    return { ...plain, queue_item_id: this.nextQueueItemId++ };
  }

  private changed(zone: ZoneModel, queueChanged: boolean): void {
    this.emit('zones', { zones_changed: [toWireZone(zone)] });
    if (queueChanged) this.emit('queue', zone.zone_id);
  }

  private insert(spec: FakeZoneSpec): ZoneModel {
    const zone = modelFromSpec(spec, (t) => this.queued(t));
    if (this.models.has(zone.zone_id)) throw new Error(`duplicate zone id ${zone.zone_id}`);
    this.models.set(zone.zone_id, zone);
    return zone;
  }
}
