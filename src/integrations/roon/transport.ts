// com.roonlabs.transport:2 (roon-api.md §3): control, seek, volume, mute, settings, and the
// zone subscription. Volume and mute take output ids, never zone ids.
import type { LoopSetting } from '../../core/roon/zone.js';
import type { PairedCore, RoonSubscription } from './paired-core.js';
import { TRANSPORT_SERVICE } from './services.js';
import type { ZonesMessage } from './wire.js';

export type TransportControl = 'play' | 'pause' | 'playpause' | 'stop' | 'previous' | 'next';

export interface ZoneSettingsChange {
  readonly shuffle?: boolean;
  readonly auto_radio?: boolean;
  readonly loop?: LoopSetting | 'next';
}

export class TransportClient {
  private readonly core: PairedCore;

  constructor(core: PairedCore) {
    this.core = core;
  }

  async control(zoneOrOutputId: string, control: TransportControl): Promise<void> {
    await this.core.request(`${TRANSPORT_SERVICE}/control`, { zone_or_output_id: zoneOrOutputId, control });
  }

  async seek(zoneOrOutputId: string, how: 'absolute' | 'relative', seconds: number): Promise<void> {
    await this.core.request(`${TRANSPORT_SERVICE}/seek`, { zone_or_output_id: zoneOrOutputId, how, seconds });
  }

  async changeVolume(outputId: string, how: 'absolute' | 'relative' | 'relative_step', value: number): Promise<void> {
    await this.core.request(`${TRANSPORT_SERVICE}/change_volume`, { output_id: outputId, how, value });
  }

  async mute(outputId: string, how: 'mute' | 'unmute'): Promise<void> {
    await this.core.request(`${TRANSPORT_SERVICE}/mute`, { output_id: outputId, how });
  }

  async changeSettings(zoneOrOutputId: string, settings: ZoneSettingsChange): Promise<void> {
    await this.core.request(`${TRANSPORT_SERVICE}/change_settings`, { zone_or_output_id: zoneOrOutputId, ...settings });
  }

  /** `onMessage` gets the whole list first (Subscribed), then changes. */
  subscribeZones(onMessage: (message: ZonesMessage, initial: boolean) => void, onEnd: () => void): RoonSubscription {
    return this.core.subscribe(TRANSPORT_SERVICE, 'zones', {}, (name, body) => onMessage(asZonesMessage(body), name === 'Subscribed'), onEnd);
  }
}

function asZonesMessage(body: unknown): ZonesMessage {
  return typeof body === 'object' && body !== null ? (body as ZonesMessage) : {};
}
