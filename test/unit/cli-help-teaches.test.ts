import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, commandName } from '../../src/cli/main.js';

function allCommands(command: Command, path: string[] = []): [string, Command][] {
  return command.commands.flatMap((child) => {
    const childPath = [...path, child.name()];
    return [[childPath.join(' '), child] as [string, Command], ...allCommands(child, childPath)];
  });
}

function helpOf(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (chunk) => (text += chunk), writeErr: (chunk) => (text += chunk) });
  command.outputHelp();
  return text;
}

const program = await buildProgram();

describe('aime --help', () => {
  it('the program itself shows examples', () => {
    expect(helpOf(program)).toMatch(/Examples:\n\s+\$ aime /);
  });
  it.each(allCommands(program).filter(([name]) => !name.endsWith('help')))('"aime %s" has a description and an example', (_name, command) => {
    expect(command.description().length).toBeGreaterThan(10);
    expect(helpOf(command)).toMatch(/Examples:\n\s+\$ .*aime /);
  });
});

describe('the command named on the command line', () => {
  it('is found after global options, so only its group is loaded', async () => {
    expect(commandName(['node', 'aime', 'status'])).toBe('status');
    expect(commandName(['node', 'aime', '--home', '/x', '--json', 'love', '3'])).toBe('love');
    expect(commandName(['node', 'aime', '--socket', 's', '-q', 'stats', 'heatmap'])).toBe('stats');
    expect(commandName(['node', 'aime', '--help'])).toBeUndefined();
    const only = await buildProgram('love');
    expect(only.commands.map((command) => command.name())).toEqual(['history', 'love', 'unlove']);
    expect((await buildProgram('nonsense')).commands.length).toBe(program.commands.length);
  });
});
