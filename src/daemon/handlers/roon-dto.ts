import type { OutputVolume, Zone } from '../../core/roon/zone.js';
import { zoneVolume } from '../../core/roon/zone.js';
import type { ConnectionStatus } from '../../integrations/roon/connection.js';
import type { RoonStatusDto, RoonVolumeDto, RoonZoneDto } from '../../rpc/methods/roon.js';

/** core's Zone → the `roon zones --json` shape (SPEC §5; fields are added, never renamed). */
export function zoneDto(zone: Zone): RoonZoneDto {
  const np = zone.nowPlaying;
  const volume = zoneVolume(zone);
  return {
    id: zone.id,
    name: zone.name,
    state: zone.state,
    nowPlaying: np ? { title: np.title, artist: np.artist, album: np.album, length: np.length, seek: np.seek } : null,
    volume: volume ? volumeDto(volume) : null,
    outputs: zone.outputs.map((o) => ({ id: o.id, name: o.name, volume: o.volume ? volumeDto(o.volume) : null })),
    settings: { ...zone.settings },
  };
}

function volumeDto(volume: OutputVolume): RoonVolumeDto {
  return { type: volume.type, value: volume.value, min: volume.min, max: volume.max, step: volume.step, softLimit: volume.softLimit, muted: volume.muted };
}

export function statusDto(status: ConnectionStatus, zones: number): RoonStatusDto {
  return {
    state: status.phase,
    connected: status.connected,
    coreId: status.coreId,
    coreName: status.coreName,
    address: status.address,
    paired: status.paired,
    zones,
    lastError: status.lastError,
  };
}
