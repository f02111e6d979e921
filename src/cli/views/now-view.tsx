import { Box, Text } from 'ink';
import type { PlayingElsewhereDto } from '../../rpc/methods/now.js';
import { clock, elsewhereName, elsewhereShown, isReconnecting, noZoneReason, positionAt, selectedZone, volumeLabel, type NowState } from './now-state.js';

const KEYS = 'space play/pause · n next · p previous · s stop · z zone · +/- volume · q quit';

/** The now-playing screen: what plays where, a progress bar, the volume and the keys. */
export function NowView({ state, now, width = 40 }: { state: NowState; now: number; width?: number }) {
  const elsewhere = elsewhereShown(state);
  if (elsewhere) return <ElsewhereView state={state} playing={elsewhere} now={now} width={width} />;
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
      <ProgressBar ratio={ratio} width={width} position={position} length={np?.length ?? null} />
      <Text>
        {volumeLabel(zone)}
        {flags ? <Text dimColor> · {flags}</Text> : null}
      </Text>
      <Text dimColor>{KEYS}</Text>
      {state.message ? <Text color="red">{state.message}</Text> : null}
    </Box>
  );
}

/**
 * Another player's track (a ListenBrainz `playing_now`) while no Roon zone plays: its
 * position is the time since the report, as the player sends no seek. The keys still act on
 * the Roon zone named underneath (AIME cannot control the other player), so only q is listed.
 */
function ElsewhereView({ state, playing, now, width }: { state: NowState; playing: PlayingElsewhereDto; now: number; width: number }) {
  const elapsed = Math.max(0, (now - Date.parse(playing.since)) / 1000);
  const length = playing.durationSeconds;
  const position = length === null ? elapsed : Math.min(length, elapsed);
  const zone = selectedZone(state);
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>{elsewhereName(playing)}</Text>
        <Text dimColor> · playing</Text>
        {state.daemonGone ? <Text color="red"> · daemon stopped</Text> : null}
      </Box>
      <Text bold>{playing.title}</Text>
      <Text>{playing.artist}</Text>
      <Text dimColor>{playing.album ?? ''}</Text>
      <ProgressBar ratio={length ? position / length : 0} width={width} position={position} length={length} />
      <Text dimColor>Roon: {zone ? `${zone.name} · ${zone.state}` : noZoneReason(state.snapshot?.connection ?? null)}</Text>
      <Text dimColor>q quit</Text>
      {state.message ? <Text color="red">{state.message}</Text> : null}
    </Box>
  );
}

function ProgressBar({ ratio, width, position, length }: { ratio: number; width: number; position: number | null; length: number | null }) {
  const filled = Math.round(Math.min(1, ratio) * width);
  return (
    <Box>
      <Text color="green">{'━'.repeat(filled)}</Text>
      <Text dimColor>{'─'.repeat(width - filled)}</Text>
      <Text>
        {' '}
        {clock(position)} / {clock(length)}
      </Text>
    </Box>
  );
}
