import { useInput } from 'ink';
import type { RoonControl } from '../../rpc/methods/roon.js';

export interface NowCommands {
  control(control: RoonControl): void;
  volumeSteps(steps: number): void;
  nextZone(): void;
  quit(): void;
}

/** The keys of `aime now` (SPEC §4.2). */
export function useNowKeys(commands: NowCommands): void {
  useInput((input, key) => {
    if (input === ' ') commands.control('playpause');
    else if (input === 'n') commands.control('next');
    else if (input === 'p') commands.control('previous');
    else if (input === 's') commands.control('stop');
    else if (input === 'z') commands.nextZone();
    else if (input === '+' || input === '=') commands.volumeSteps(1);
    else if (input === '-' || input === '_') commands.volumeSteps(-1);
    else if (input === 'q' || key.escape) commands.quit();
  });
}
