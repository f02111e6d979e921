import { useEffect, useReducer, useRef, type Dispatch } from 'react';
import type { DaemonClient } from '../client.js';
import type { PlayingElsewhere } from '../../rpc/methods/now.js';
import type { RoonSnapshot } from '../../rpc/methods/roon.js';
import { nowReducer, startingNowState, type NowAction, type NowState } from './now-state.js';

export interface NowFeedOptions {
  readonly client: DaemonClient;
  /** A new connection to the daemon; rejects when nothing answers on its socket. */
  readonly reconnect: () => Promise<DaemonClient>;
  readonly zone: string | undefined;
  readonly dispatch: (action: NowAction) => void;
  /** The daemon refused the subscription (an unknown zone, the connection limit…). */
  readonly onRefused?: (error: unknown) => void;
  /** Subscribed again on a new connection after the daemon dropped the old one. */
  readonly onReconnected?: () => void;
}

export interface NowSubscription {
  /** The connection in use now (commands go through it). */
  client(): DaemonClient;
  stop(): void;
}

/**
 * Feeds a NowState from the daemon: Roon's zones (`roon.zones`) and what other players report
 * (`now.playing`), both pushed, never polled. The daemon closes a connection that leaves too
 * many updates unread (`aime now` suspended with Ctrl-Z): when its socket still answers, the
 * feed subscribes again on a new connection — each subscription starts with the whole state,
 * so nothing is missed — and only when it does not is the daemon gone.
 */
export function subscribeNow(options: NowFeedOptions): NowSubscription {
  const { dispatch } = options;
  const onRefused = options.onRefused ?? ((error: unknown) => dispatch({ type: 'message', text: error instanceof Error ? error.message : String(error) }));
  let current = options.client;
  let stopped = false;
  let stopListening = () => {};

  const follow = (client: DaemonClient, reconnected: boolean) => {
    current = client;
    let subscribed = false;
    stopListening = client.listen((method, params) => {
      if (method === 'roon.zones') dispatch({ type: 'snapshot', snapshot: params as RoonSnapshot, at: Date.now() });
      else if (method === 'now.playing') dispatch({ type: 'elsewhere', playing: (params as PlayingElsewhere).playing });
    });
    // Other players first: the first line printed already knows whether one plays.
    client
      .call('now.subscribe', {})
      .then(
        ({ playing }) => dispatch({ type: 'elsewhere', playing }),
        () => undefined,
      )
      .then(() => client.call('roon.subscribe', { zone: options.zone }))
      .then(
        (snapshot) => {
          subscribed = true;
          dispatch({ type: 'snapshot', snapshot, at: Date.now() });
          if (reconnected) options.onReconnected?.();
        },
        (error: unknown) => {
          if (!stopped) onRefused(error);
        },
      );
    void client.closed().then(async () => {
      stopListening();
      if (stopped) return;
      // A connection refused before it subscribed is no dropped subscriber: do not loop on it.
      if (!subscribed) return dispatch({ type: 'daemon-gone' });
      let next: DaemonClient;
      try {
        next = await options.reconnect();
      } catch {
        return dispatch({ type: 'daemon-gone' });
      }
      if (stopped) return next.close();
      follow(next, true);
    });
  };

  follow(options.client, false);
  return {
    client: () => current,
    stop: () => {
      stopped = true;
      stopListening();
      // The first connection is the runtime's to close; one made here is ours.
      if (current !== options.client) current.close();
    },
  };
}

/** The feed as a React hook for the Ink screen; the third value is the connection in use now. */
export function useNowFeed(client: DaemonClient, reconnect: () => Promise<DaemonClient>, zone: string | undefined, followPlaying: boolean): [NowState, Dispatch<NowAction>, () => DaemonClient] {
  const [state, dispatch] = useReducer(nowReducer, followPlaying, startingNowState);
  const subscription = useRef<NowSubscription | null>(null);
  useEffect(() => {
    const started = subscribeNow({ client, reconnect, zone, dispatch });
    subscription.current = started;
    return () => started.stop();
  }, [client, reconnect, zone]);
  return [state, dispatch, () => subscription.current?.client() ?? client];
}
