import { NotFoundError, RetryLaterError, UserError } from '../../core/errors.js';
import { planVolume } from '../../core/roon/volume.js';
import { resolveZone, type Zone } from '../../core/roon/zone.js';
import { ImageClient } from '../../integrations/roon/image.js';
import type { PairedCore } from '../../integrations/roon/paired-core.js';
import { RoonPlayer } from '../../integrations/roon/player.js';
import { TransportClient } from '../../integrations/roon/transport.js';
import type { RoonSnapshot } from '../../rpc/methods/roon.js';
import type { RoonConnectionService } from '../services/roon-connection.js';
import { asParams, invalid, optionalBool, optionalEnum, optionalInt, optionalString, requiredString, type Params } from './params.js';
import { statusDto, zoneDto } from './roon-dto.js';
import { handlerTable } from './typed.js';

export interface RoonHandlerDeps {
  readonly roon: RoonConnectionService;
  /** Starts the connection through the registry (the wish is remembered across restarts). */
  readonly ensureConnection: () => Promise<void>;
  readonly defaultZone: () => string | undefined;
  /** How long a command waits for a Core that is (re)connecting. */
  readonly waitMs: number;
}

const CONTROLS = ['play', 'pause', 'playpause', 'stop', 'previous', 'next'] as const;
const LOOPS = ['loop', 'loop_one', 'disabled', 'next'] as const;

export function roonHandlers(deps: RoonHandlerDeps) {
  const { connection, feed } = deps.roon;
  const status = () => statusDto(connection.status(), feed.zones.length);

  const core = async (): Promise<PairedCore> => {
    await deps.ensureConnection();
    return connection.core ?? connection.waitForPairing(deps.waitMs);
  };

  /** The zone a command acts on, once the Core is there and its zones have arrived. */
  const target = async (params: Params): Promise<{ core: PairedCore; zone: Zone }> => {
    const paired = await core();
    if (feed.zones.length === 0) await nextChange(deps.roon, deps.waitMs);
    return { core: paired, zone: resolveZone(feed.zones, optionalString(params, 'zone'), deps.defaultZone()) };
  };

  const snapshot = (wanted: string | undefined): RoonSnapshot => {
    const zones = feed.zones;
    let zoneId: string | null = null;
    try {
      zoneId = zones.length ? resolveZone(zones, wanted, deps.defaultZone()).id : null;
    } catch {
      // A roon.defaultZone that names no zone any more (renamed in Roon) must not blank `aime now`.
      zoneId = zones[0]?.id ?? null;
    }
    return { connection: status(), zones: zones.map(zoneDto), zoneId };
  };

  return handlerTable<
    'roon.status' | 'roon.pair' | 'roon.zones' | 'roon.control' | 'roon.seek' | 'roon.volume' | 'roon.mute' | 'roon.settings' | 'roon.playAlbum' | 'roon.playTracks' | 'roon.subscribe' | 'roon.cover'
  >({
    'roon.status': async () => status(),
    'roon.pair': async (raw, context) => {
      const timeoutSeconds = optionalInt(asParams(raw), 'timeoutSeconds', { min: 1, max: 3600 }) ?? 300;
      await deps.ensureConnection();
      await connection.waitForPairing(timeoutSeconds * 1000, context.signal);
      if (feed.zones.length === 0) await nextChange(deps.roon, deps.waitMs).catch(() => undefined);
      return status();
    },
    'roon.zones': async () => {
      if (feed.zones.length === 0) {
        await core();
        await nextChange(deps.roon, deps.waitMs);
      }
      return { zones: feed.zones.map(zoneDto), connected: connection.core !== undefined };
    },
    'roon.control': async (raw) => {
      const params = asParams(raw);
      const control = optionalEnum(params, 'control', CONTROLS);
      if (!control) throw invalid('control', `one of ${CONTROLS.join(', ')}`);
      const { core: paired, zone } = await target(params);
      await new TransportClient(paired).control(zone.id, control);
      return { zone: zone.name };
    },
    'roon.seek': async (raw) => {
      const params = asParams(raw);
      const how = optionalEnum(params, 'how', ['absolute', 'relative'] as const) ?? 'absolute';
      const seconds = requiredNumber(params, 'seconds');
      const { core: paired, zone } = await target(params);
      if (!zone.nowPlaying || zone.nowPlaying.length === null) throw new UserError(`${zone.name} is not playing a track that can be sought`);
      await new TransportClient(paired).seek(zone.id, how, seconds);
      return { zone: zone.name };
    },
    'roon.volume': async (raw) => {
      const params = asParams(raw);
      const how = optionalEnum(params, 'how', ['absolute', 'relative', 'step'] as const) ?? 'absolute';
      const value = requiredNumber(params, 'value');
      const { core: paired, zone } = await target(params);
      const plan = planVolume(zone, { how, value });
      const transport = new TransportClient(paired);
      for (const change of plan.changes) await transport.changeVolume(change.outputId, change.how, change.value);
      return { zone: zone.name, changed: plan.changes.map((c) => ({ ...c })), skipped: plan.skipped };
    },
    'roon.mute': async (raw) => {
      const params = asParams(raw);
      const how = optionalEnum(params, 'how', ['mute', 'unmute', 'toggle'] as const) ?? 'toggle';
      const { core: paired, zone } = await target(params);
      const controlled = zone.outputs.filter((o) => o.volume !== null);
      if (controlled.length === 0) throw new UserError(`${zone.name} has no volume control (fixed volume): it cannot be muted`);
      const muted = how === 'toggle' ? !controlled.every((o) => o.volume?.muted) : how === 'mute';
      const transport = new TransportClient(paired);
      for (const output of controlled) await transport.mute(output.id, muted ? 'mute' : 'unmute');
      return { zone: zone.name, muted };
    },
    'roon.settings': async (raw) => {
      const params = asParams(raw);
      const shuffle = optionalBool(params, 'shuffle');
      const radio = optionalBool(params, 'radio');
      const loop = optionalEnum(params, 'loop', LOOPS);
      if (shuffle === undefined && radio === undefined && loop === undefined) throw invalid('shuffle, loop or radio', 'given');
      const { core: paired, zone } = await target(params);
      await new TransportClient(paired).changeSettings(zone.id, {
        ...(shuffle === undefined ? {} : { shuffle }),
        ...(radio === undefined ? {} : { auto_radio: radio }),
        ...(loop === undefined ? {} : { loop }),
      });
      return { zone: zone.name };
    },
    'roon.playAlbum': async (raw) => {
      const params = asParams(raw);
      const artist = requiredString(params, 'artist');
      const album = requiredString(params, 'album');
      const { core: paired, zone } = await target(params);
      const played = await new RoonPlayer(paired).playAlbum(zone.id, artist, album);
      return { zone: zone.name, ...played };
    },
    'roon.playTracks': async (raw) => {
      const params = asParams(raw);
      const tracks = trackWishes(params);
      const { core: paired, zone } = await target(params);
      const outcome = await new RoonPlayer(paired).playTracks(zone.id, tracks);
      if (outcome.queued.length === 0) throw new NotFoundError(`Roon found none of the ${tracks.length} tracks`, { detail: { notFound: outcome.notFound } });
      return { zone: zone.name, ...outcome };
    },
    'roon.cover': async (raw) => {
      const params = asParams(raw);
      const size = optionalInt(params, 'size', { min: 16, max: 4096 }) ?? 600;
      const { core: paired, zone } = await target(params);
      const np = zone.nowPlaying;
      if (!np?.imageKey) throw new NotFoundError(`${zone.name} is not playing anything with a cover`);
      const image = await new ImageClient(paired).get(np.imageKey, { width: size, height: size });
      return { zone: zone.name, title: np.album || np.title, contentType: image.contentType, base64: image.data.toString('base64') };
    },
    'roon.subscribe': async (raw, context) => {
      const wanted = optionalString(asParams(raw), 'zone');
      await deps.ensureConnection();
      if (wanted !== undefined) {
        if (feed.zones.length === 0) await nextChange(deps.roon, deps.waitMs);
        resolveZone(feed.zones, wanted, undefined);
      }
      const push = () => context.notify('roon.zones', snapshot(wanted));
      feed.on('change', push);
      connection.on('status', push);
      context.onDisconnect(() => {
        feed.off('change', push);
        connection.off('status', push);
      });
      return snapshot(wanted);
    },
  });
}

function requiredNumber(params: Params, name: string): number {
  const value = params[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(name, 'a number');
  return value;
}

function trackWishes(params: Params): { artist: string; title: string; album: string | null }[] {
  const raw = params['tracks'];
  if (!Array.isArray(raw) || raw.length === 0) throw invalid('tracks', 'a non-empty list of {artist, title, album?}');
  return raw.map((item, i) => {
    const track = asParams(item);
    const artist = track['artist'];
    const title = track['title'];
    if (typeof artist !== 'string' || !artist || typeof title !== 'string' || !title) throw invalid(`tracks[${i}]`, 'an object with artist and title');
    return { artist, title, album: optionalString(track, 'album') ?? null };
  });
}

/** Resolves at the feed's next change (the first zones after a pairing). */
function nextChange(roon: RoonConnectionService, waitMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      roon.feed.off('change', done);
      reject(new RetryLaterError(roon.connection.core ? 'the Roon Core sent no zones' : roon.connection.waitingReason()));
    }, waitMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    roon.feed.once('change', done);
  });
}
