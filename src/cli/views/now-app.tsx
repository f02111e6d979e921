import { useEffect, useRef, useState } from 'react';
import { useApp } from 'ink';
import type { DaemonClient } from '../client.js';
import { useNowFeed } from './now-feed.js';
import { useNowKeys } from './now-input.js';
import { selectedZone } from './now-state.js';
import { NowView } from './now-view.js';

/** `aime now` on a terminal: the feed, the keys and the view, with a 1 s tick for the bar. */
export function NowApp({ client, reconnect, zone, followPlaying }: { client: DaemonClient; reconnect: () => Promise<DaemonClient>; zone?: string; followPlaying: boolean }) {
  const { exit } = useApp();
  const [state, dispatch, connection] = useNowFeed(client, reconnect, zone, followPlaying);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (state.daemonGone) exit(new Error('the AIME daemon stopped'));
  }, [state.daemonGone, exit]);

  const act = (work: Promise<unknown>) =>
    work.then(
      () => dispatch({ type: 'message', text: null }),
      (error: unknown) => dispatch({ type: 'message', text: error instanceof Error ? error.message : String(error) }),
    );
  // Read at key time, not render time: a key that arrives before Ink hands the new handler
  // over (just after "z") still acts on the zone on screen.
  const latest = useRef(state);
  latest.current = state;
  const target = () => selectedZone(latest.current)?.id;
  useNowKeys({
    control: (control) => void act(connection().call('roon.control', { zone: target(), control })),
    volumeSteps: (steps) => void act(connection().call('roon.volume', { zone: target(), how: 'step', value: steps })),
    nextZone: () => dispatch({ type: 'next-zone' }),
    quit: () => exit(),
  });
  return <NowView state={state} now={now} />;
}
