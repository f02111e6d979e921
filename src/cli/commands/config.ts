import type { Command } from 'commander';
import type { ConfigEntryDto } from '../../rpc/methods/config.js';
import { keySpec } from '../../config/keys.js';
import { UserError } from '../../core/errors.js';
import { action, examples } from '../action.js';
import { DaemonUnreachableError } from '../client.js';
import type { CliRuntime } from '../runtime.js';

/**
 * Config commands work with the daemon up (through the socket, so it applies changes
 * at once) or down (on config.json directly). Secrets are always masked.
 */
export function registerConfigCommands(program: Command): void {
  const config = program
    .command('config')
    .description('read and change settings (config.json; every key can be overridden by an AIME_* variable)')
    .addHelpText('after', examples('aime config list', 'aime config set lastfm.pollSeconds 60', 'AIME_LOG_LEVEL=debug aime config get log.level'));

  config
    .command('list')
    .description('every setting with its value, origin (default, file, env) and variable name')
    .addHelpText('after', examples('aime config list', 'aime config list --json'))
    .action(
      action(async (cli) => {
        const { file, entries } = await viaDaemonOrFile(cli, (c) => c.call('config.list', {}), async (f) => ({ file: f.paths.configFile, entries: f.list() }));
        cli.out.data({ file, entries });
        cli.out.note(`# ${file}`);
        cli.out.table(['key', 'value', 'from', 'env'], entries.map((entry) => [entry.key, shownWithOrigin(entry), entry.source, entry.env]));
      }),
    );

  config
    .command('get <key>')
    .description('one setting (secrets masked)')
    .addHelpText('after', examples('aime config get lastfm.pollSeconds'))
    .action(
      action(async (cli, key: string) => {
        const entry = await viaDaemonOrFile(cli, (c) => c.call('config.get', { key }), async (f) => f.get(key));
        cli.out.data(entry);
        cli.out.line(show(entry.value));
      }),
    );

  config
    .command('set <key> <value>')
    .description('change a setting in config.json; use "-" as value to read it from stdin (keeps secrets out of shell history)')
    .addHelpText('after', examples('aime config set lastfm.username rj', 'printf %s "$KEY" | aime config set lastfm.apiKey -', 'aime config set roon.radioStations "FIP,RTS La Première"'))
    .action(
      action(async (cli, key: string, raw: string) => {
        const value = raw === '-' ? (await readStdin()).trim() : raw;
        // An empty pipe is an unset shell variable far more often than a wish to blank a key.
        if (raw === '-' && value === '') throw new UserError(`nothing came from stdin for ${key}: nothing stored (to remove a setting: aime config unset ${key})`);
        const entry = await viaDaemonOrFile(cli, (c) => c.call('config.set', { key, value }), async (f) => f.set(key, value));
        report(cli, entry, 'set');
      }),
    );

  config
    .command('unset <key>')
    .description('remove a setting from config.json (back to its default)')
    .addHelpText('after', examples('aime config unset roon.host'))
    .action(
      action(async (cli, key: string) => {
        const entry = await viaDaemonOrFile(cli, (c) => c.call('config.unset', { key }), async (f) => f.unset(key));
        report(cli, entry, 'unset');
      }),
    );

  config
    .command('path')
    .description('where config.json, the database, the socket and job files live')
    .addHelpText('after', examples('aime config path', 'aime --home /var/lib/aime config path --json'))
    .action(
      action(async (cli) => {
        const { paths } = cli;
        cli.out.data(paths);
        cli.out.line(`config    ${paths.configFile}`);
        cli.out.line(`database  ${paths.database}`);
        cli.out.line(`socket    ${paths.socket}`);
        cli.out.line(`output    ${paths.outputDir}`);
        cli.out.line(`roon      ${paths.roonState}`);
      }),
    );
}

async function viaDaemonOrFile<T>(
  cli: CliRuntime,
  remote: (client: CliRuntime) => Promise<T>,
  local: (file: import('../../config/config.js').ConfigFile) => Promise<T>,
): Promise<T> {
  try {
    return await remote(cli);
  } catch (error) {
    if (!(error instanceof DaemonUnreachableError)) throw error;
  }
  const { ConfigFile } = await import('../../config/config.js');
  return local(await ConfigFile.open({ home: cli.options.home, socket: cli.options.socket }));
}

function report(cli: CliRuntime, entry: ConfigEntryDto, verb: string): void {
  cli.out.data(entry);
  cli.out.note(`${entry.key} ${verb}: ${show(entry.value)}${entry.source === 'env' ? ` (note: ${entry.env} overrides the file)` : ''}`);
}

/** A machine-dependent default says where it comes from: "Europe/Zurich (system time zone)". */
function shownWithOrigin(entry: ConfigEntryDto): string {
  const computed = entry.source === 'default' ? keySpec(entry.key)?.computedDefault : undefined;
  return computed ? `${show(entry.value)} (${computed})` : show(entry.value);
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UserError('value "-" reads from stdin, but stdin is a terminal; pipe the value in');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
