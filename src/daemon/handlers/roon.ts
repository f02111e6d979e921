import { NotFoundError, RetryLaterError, UserError } from '../../core/errors.js';
import { planVolume } from '../../core/roon/volume.js';
import { resolveZone, type Zone } from '../../core/roon/zone.js';
import { ImageClient } from '../../integrations/roon/image.js';
import type { PairedCore } from '../../integrations/roon/paired-core.js';
import { RoonPlayer } from '../../integrations/roon/player.js';
import { TransportClient } from '../../integrations/roon/transport.js';
import type { RoonConnection } from '../../integrations/roon/connection.js';
import type { ZoneFeed } from '../../integrations/roon/zone-feed.js';
import type { RoonSnapshot, RoonTrackWish } from '../../rpc/methods/roon.js';
import { bool, filledList, filledText, int, invalid, number, oneOf, optional, text, type Reader } from './params.js';
import { statusDto, zoneDto } from './roon-dto.js';
import { handlerTable, NO_PARAMS } from './typed.js';

/** The link to the Core: the extension connection and the zones it feeds. */
export interface RoonLink {
  readonly connection: RoonConnection;
  readonly feed: ZoneFeed;
}

export interface RoonHandlerDeps {
  readonly roon: RoonLink;
  /** Starts the connection through the registry (the wish is remembered across restarts). */
  readonly ensureConnection: () => Promise<void>;
  readonly defaultZone: () => string | undefined;
  /** How long a command waits for a Core that is (re)connecting. */
  readonly waitMs: number;
}

const CONTROLS = ['play', 'pause', 'playpause', 'stop', 'previous', 'next'] as const;
const LOOPS = ['loop', 'loop_one', 'disabled', 'next'] as const;
/** Zone name or id; absent: roon.defaultZone, else the playing zone. */
const ZONE = optional(text());

const trackWish: Reader<RoonTrackWish & { album: string | null }> = (value, name) => {
  const track = (value ?? {}) as Record<string, unknown>;
  const { artist, title, album } = track;
  if (typeof value !== 'object' || typeof artist !== 'string' || !artist || typeof title !== 'string' || !title) throw invalid(name, 'an object with artist and title');
  return { artist, title, album: optional(text())(album, `${name}.album`) ?? null };
};

export function roonHandlers(deps: RoonHandlerDeps) {
  const { connection, feed } = deps.roon;
  const status = () => statusDto(connection.status(), feed.zones.length);

  const core = async (): Promise<PairedCore> => {
    await deps.ensureConnection();
    return connection.core ?? connection.waitForPairing(deps.waitMs);
  };

  /** The zone a command acts on, once the Core is there and its zones have arrived. */
  const target = async (zone: string | undefined): Promise<{ core: PairedCore; zone: Zone }> => {
    const paired = await core();
    if (feed.zones.length === 0) await nextChange(deps.roon, deps.waitMs);
    return { core: paired, zone: resolveZone(feed.zones, zone, deps.defaultZone()) };
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
    'roon.status': { params: NO_PARAMS, run: async () => status() },
    'roon.pair': {
      params: { timeoutSeconds: optional(int({ min: 1, max: 3600 })) },
      run: async (params, context) => {
        await deps.ensureConnection();
        await connection.waitForPairing((params.timeoutSeconds ?? 300) * 1000, context.signal);
        if (feed.zones.length === 0) await nextChange(deps.roon, deps.waitMs).catch(() => undefined);
        return status();
      },
    },
    'roon.zones': {
      params: NO_PARAMS,
      run: async () => {
        if (feed.zones.length === 0) {
          await core();
          await nextChange(deps.roon, deps.waitMs);
        }
        return { zones: feed.zones.map(zoneDto), connected: connection.core !== undefined };
      },
    },
    'roon.control': {
      params: { zone: ZONE, control: oneOf(CONTROLS) },
      run: async (params) => {
        const { core: paired, zone } = await target(params.zone);
        await new TransportClient(paired).control(zone.id, params.control);
        return { zone: zone.name };
      },
    },
    'roon.seek': {
      params: { zone: ZONE, how: optional(oneOf(['absolute', 'relative'])), seconds: number() },
      run: async (params) => {
        const { core: paired, zone } = await target(params.zone);
        if (!zone.nowPlaying || zone.nowPlaying.length === null) throw new UserError(`${zone.name} is not playing a track that can be sought`);
        await new TransportClient(paired).seek(zone.id, params.how ?? 'absolute', params.seconds);
        return { zone: zone.name };
      },
    },
    'roon.volume': {
      params: { zone: ZONE, how: optional(oneOf(['absolute', 'relative', 'step'])), value: number() },
      run: async (params) => {
        const { core: paired, zone } = await target(params.zone);
        const plan = planVolume(zone, { how: params.how ?? 'absolute', value: params.value });
        const transport = new TransportClient(paired);
        for (const change of plan.changes) await transport.changeVolume(change.outputId, change.how, change.value);
        return { zone: zone.name, changed: plan.changes.map((c) => ({ ...c })), skipped: plan.skipped };
      },
    },
    'roon.mute': {
      params: { zone: ZONE, how: optional(oneOf(['mute', 'unmute', 'toggle'])) },
      run: async (params) => {
        const how = params.how ?? 'toggle';
        const { core: paired, zone } = await target(params.zone);
        const controlled = zone.outputs.filter((o) => o.volume !== null);
        if (controlled.length === 0) throw new UserError(`${zone.name} has no volume control (fixed volume): it cannot be muted`);
        const muted = how === 'toggle' ? !controlled.every((o) => o.volume?.muted) : how === 'mute';
        const transport = new TransportClient(paired);
        for (const output of controlled) await transport.mute(output.id, muted ? 'mute' : 'unmute');
        return { zone: zone.name, muted };
      },
    },
    'roon.settings': {
      params: { zone: ZONE, shuffle: optional(bool()), loop: optional(oneOf(LOOPS)), radio: optional(bool()) },
      run: async ({ zone: wanted, shuffle, loop, radio }) => {
        if (shuffle === undefined && radio === undefined && loop === undefined) throw invalid('shuffle, loop or radio', 'given');
        const { core: paired, zone } = await target(wanted);
        await new TransportClient(paired).changeSettings(zone.id, {
          ...(shuffle === undefined ? {} : { shuffle }),
          ...(radio === undefined ? {} : { auto_radio: radio }),
          ...(loop === undefined ? {} : { loop }),
        });
        return { zone: zone.name };
      },
    },
    'roon.playAlbum': {
      params: { zone: ZONE, artist: filledText(), album: filledText() },
      run: async (params) => {
        const { core: paired, zone } = await target(params.zone);
        const played = await new RoonPlayer(paired).playAlbum(zone.id, params.artist, params.album);
        return { zone: zone.name, ...played };
      },
    },
    'roon.playTracks': {
      params: { zone: ZONE, tracks: filledList(trackWish, 'a non-empty list of {artist, title, album?}') },
      run: async (params) => {
        const { core: paired, zone } = await target(params.zone);
        const outcome = await new RoonPlayer(paired).playTracks(zone.id, params.tracks);
        if (outcome.queued.length === 0) throw new NotFoundError(`Roon found none of the ${params.tracks.length} tracks`, { detail: { notFound: outcome.notFound } });
        return { zone: zone.name, ...outcome };
      },
    },
    'roon.cover': {
      params: { zone: ZONE, size: optional(int({ min: 16, max: 4096 })) },
      run: async (params) => {
        const size = params.size ?? 600;
        const { core: paired, zone } = await target(params.zone);
        const np = zone.nowPlaying;
        if (!np?.imageKey) throw new NotFoundError(`${zone.name} is not playing anything with a cover`);
        const image = await new ImageClient(paired).get(np.imageKey, { width: size, height: size });
        return { zone: zone.name, title: np.album || np.title, contentType: image.contentType, base64: image.data.toString('base64') };
      },
    },
    'roon.subscribe': {
      params: { zone: ZONE },
      run: async ({ zone: wanted }, context) => {
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
    },
  });
}

/** Resolves at the feed's next change (the first zones after a pairing). */
function nextChange(roon: RoonLink, waitMs: number): Promise<void> {
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
