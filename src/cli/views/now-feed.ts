import { useEffect, useReducer, type Dispatch } from 'react';
import type { DaemonClient } from '../client.js';
import type { RoonSnapshot } from '../../rpc/methods/roon.js';
import { nowReducer, startingNowState, type NowAction, type NowState } from './now-state.js';

/** Feeds a NowState from the daemon's `roon.zones` notifications (pushed, never polled). */
export function subscribeNow(
  client: DaemonClient,
  zone: string | undefined,
  dispatch: (action: NowAction) => void,
  onRefused: (error: unknown) => void = (error) => dispatch({ type: 'message', text: error instanceof Error ? error.message : String(error) }),
): () => void {
  const stop = client.listen((method, params) => {
    if (method === 'roon.zones') dispatch({ type: 'snapshot', snapshot: params as RoonSnapshot, at: Date.now() });
  });
  client.call('roon.subscribe', { zone }).then(
    (snapshot) => dispatch({ type: 'snapshot', snapshot, at: Date.now() }),
    onRefused,
  );
  void client.closed().then(() => dispatch({ type: 'daemon-gone' }));
  return stop;
}

export function useNowFeed(client: DaemonClient, zone: string | undefined, followPlaying: boolean): [NowState, Dispatch<NowAction>] {
  const [state, dispatch] = useReducer(nowReducer, followPlaying, startingNowState);
  useEffect(() => subscribeNow(client, zone, dispatch), [client, zone]);
  return [state, dispatch];
}
