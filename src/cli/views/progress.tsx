import { Box, Text } from 'ink';

export interface ProgressState {
  readonly task: string;
  readonly done: number;
  readonly total: number | null;
  readonly message?: string;
  readonly startedAt: number;
}

/** One progress line: label, bar, counts, rate and time left. */
export function ProgressBar({ state, width = 30 }: { state: ProgressState; width?: number }) {
  const ratio = state.total ? Math.min(1, state.done / state.total) : 0;
  const filled = Math.round(ratio * width);
  const elapsed = Math.max(0.001, (Date.now() - state.startedAt) / 1000);
  const rate = state.done / elapsed;
  const left = state.total && rate > 0 ? Math.max(0, (state.total - state.done) / rate) : null;
  return (
    <Box>
      <Text>{state.task} </Text>
      <Text color="green">{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text>
      <Text>
        {' '}
        {state.done.toLocaleString('en-US')}
        {state.total ? `/${state.total.toLocaleString('en-US')}` : ''}
      </Text>
      <Text dimColor>
        {' '}
        {Math.round(rate).toLocaleString('en-US')}/s{left !== null ? ` · ${Math.ceil(left)} s left` : ''}
        {state.message ? ` · ${state.message}` : ''}
      </Text>
    </Box>
  );
}
