import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

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

describe('aime --help', () => {
  const program = buildProgram();
  it('the program itself shows examples', () => {
    expect(helpOf(program)).toMatch(/Examples:\n\s+\$ aime /);
  });
  it.each(allCommands(program).filter(([name]) => !name.endsWith('help')))('"aime %s" has a description and an example', (_name, command) => {
    expect(command.description().length).toBeGreaterThan(10);
    expect(helpOf(command)).toMatch(/Examples:\n\s+\$ .*aime /);
  });
});
