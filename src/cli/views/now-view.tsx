import { Box, Text } from 'ink';
import { clock, isReconnecting, noZoneReason, positionAt, selectedZone, volumeLabel, type NowState } from './now-state.js';

const KEYS = 'space play/pause · n next · p previous · s stop · z zone · +/- volume · q quit';

/** The now-playing screen: what plays where, a progress bar, the volume and the keys. */
export function NowView({ state, now, width = 40 }: { state: NowState; now: number; width?: number }) {
  const zone = selectedZone(state);
  const reconnecting = isReconnecting(state);
  if (!zone) {
    return (
      <Box flexDirection="column">
        <Text>{noZoneReason(state.snapshot?.connection ?? null)}</Text>
        {state.message ? <Text color="red">{state.message}</Text> : null}
      </Box>
    );
  }
  const np = zone.nowPlaying;
  const position = positionAt(state, zone, now);
  const ratio = np?.length && position !== null ? Math.min(1, position / np.length) : 0;
  const filled = Math.round(ratio * width);
  const flags = [zone.settings.shuffle ? 'shuffle' : '', zone.settings.loop !== 'disabled' ? `loop ${zone.settings.loop === 'loop_one' ? 'one' : 'all'}` : '', zone.settings.radio ? 'radio' : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>{zone.name}</Text>
        <Text dimColor> · {zone.state}</Text>
        {reconnecting ? <Text color="yellow"> · reconnecting…</Text> : null}
        {state.daemonGone ? <Text color="red"> · daemon stopped</Text> : null}
      </Box>
      <Text bold>{np?.title || 'Nothing playing'}</Text>
      <Text>{np?.artist ?? ''}</Text>
      <Text dimColor>{np?.album ?? ''}</Text>
      <Box>
        <Text color="green">{'━'.repeat(filled)}</Text>
        <Text dimColor>{'─'.repeat(width - filled)}</Text>
        <Text>
          {' '}
          {clock(position)} / {clock(np?.length ?? null)}
        </Text>
      </Box>
      <Text>
        {volumeLabel(zone)}
        {flags ? <Text dimColor> · {flags}</Text> : null}
      </Text>
      <Text dimColor>{KEYS}</Text>
      {state.message ? <Text color="red">{state.message}</Text> : null}
    </Box>
  );
}
