import type { AiMethods } from './methods/ai.js';
import type { CollectionMethods } from './methods/collection.js';
import type { ConfigMethods } from './methods/config.js';
import type { CorrectionsMethods } from './methods/corrections.js';
import type { DbMethods } from './methods/db.js';
import type { ForwardMethods } from './methods/forward.js';
import type { DurationsMethods } from './methods/durations.js';
import type { ListensMethods } from './methods/listens.js';
import type { NowMethods, PlayingElsewhere } from './methods/now.js';
import type { PlaylistMethods } from './methods/playlists.js';
import type { JobsMethods } from './methods/jobs.js';
import type { RoonMethods, RoonSnapshot } from './methods/roon.js';
import type { ServiceMethods } from './methods/service.js';
import type { SystemMethods } from './methods/system.js';
import type { SpinsMethods } from './methods/spins.js';
import type { StatsMethods } from './methods/stats.js';
import type { TokenMethods } from './methods/token.js';
import type { WrappedMethods } from './methods/wrapped.js';

/**
 * Every method the daemon serves, with its params and result. Each group lives in
 * methods/<group>.ts; add a group there and extend it here.
 */
export interface RpcMethods
  extends SystemMethods,
    ConfigMethods,
    ServiceMethods,
    DbMethods,
    RoonMethods,
    CollectionMethods,
    ListensMethods,
    JobsMethods,
    PlaylistMethods,
    AiMethods,
    StatsMethods,
    SpinsMethods,
    ForwardMethods,
    CorrectionsMethods,
    TokenMethods,
    NowMethods,
    DurationsMethods,
    WrappedMethods {}

export type MethodName = keyof RpcMethods;
export type ParamsOf<M extends MethodName> = RpcMethods[M]['params'];
export type ResultOf<M extends MethodName> = RpcMethods[M]['result'];

/** Server → client notifications. */
export interface RpcNotifications {
  /** Progress of a long request on the same connection (imports, enrichment, jobs). */
  progress: { requestId: number | string; task: string; done: number; total: number | null; message?: string };
  /** Every change of the Roon zones or connection, to `roon.subscribe` clients (`aime now`). */
  'roon.zones': RoonSnapshot;
  /** What another player reports playing (or null once it ended), to `now.subscribe` clients. */
  'now.playing': PlayingElsewhere;
  /** A piece of an AI text as the model writes it (`ai.portrait`), in order. */
  'ai.text': { requestId: number | string; text: string };
}

export type NotificationName = keyof RpcNotifications;
