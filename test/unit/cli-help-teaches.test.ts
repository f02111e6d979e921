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

describe('defaults in help', () => {
  const everyCommand: [string, Command][] = [['aime', program], ...allCommands(program)];
  it.each(everyCommand)('"%s" states each default once', (_name, command) => {
    // commander appends `(default: …)` itself for an option with a default value.
    const doubled = command.options.filter((option) => option.defaultValue !== undefined && !option.hidden && /default/i.test(option.description));
    expect(doubled.map((option) => option.long)).toEqual([]);
    expect(helpOf(command).replace(/\s+/g, ' ')).not.toMatch(/\(default[^()]*\) \(default/);
  });
});

describe('aime stats --help', () => {
  it('shows the options of its default command, summary', () => {
    const stats = program.commands.find((command) => command.name() === 'stats') as Command;
    const text = helpOf(stats);
    for (const option of ['--range <range>', '--from <date>', '--to <date>', '--limit <n>']) expect(text).toContain(option);
    expect(text).toMatch(/entries per list \(1–500, default 10\)/);
  });
});

describe('paging flags', () => {
  const lists = ['history', 'collection list', 'collection search', 'playlist list', 'jobs history', 'stats unplayed'];
  it.each(lists)('"aime %s" takes --limit and --page, and --page-size as a hidden alias', (name) => {
    const command = allCommands(program).find(([path]) => path === name)?.[1] as Command;
    const byName = new Map(command.options.map((option) => [option.long, option]));
    expect(byName.get('--limit')?.short).toBe('-n');
    expect(byName.get('--page')?.hidden).toBe(false);
    expect(byName.get('--page-size')?.hidden).toBe(true);
    expect(helpOf(command)).toMatch(/--limit <n>\s+\w+ per page \(1–\d+, default \d+\)/);
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
