import type { Command } from 'commander';
import { action, examples } from '../action.js';
import { configuredZone } from './status.js';
import { localMoment } from '../moments.js';

/** `aime token …`: the tokens other players use on the HTTP listener (ListenBrainz API). */
export function registerTokenCommands(program: Command): void {
  const token = program
    .command('token')
    .description('tokens for other players (Navidrome, Jellyfin, multi-scrobbler…) sending listens to the HTTP listener')
    .addHelpText('after', examples('aime token create --name navidrome', 'aime token list', 'aime token rm navidrome'));

  token
    .command('create')
    .description('make a new token and print it once: the daemon keeps only its SHA-256 digest')
    .option('--name <name>', 'what the token is for, to tell tokens apart (default: token-N)')
    .addHelpText(
      'after',
      examples('aime token create --name navidrome', 'aime token create --name plex --json | jq -r .token', 'curl -H "Authorization: Token $(aime token create)" http://127.0.0.1:8377/1/validate-token'),
    )
    .action(
      action(async (cli, options: { name?: string }) => {
        const created = await cli.call('token.create', options.name === undefined ? {} : { name: options.name });
        cli.out.data(created);
        // The token alone on stdout, so `$(aime token create)` is the token.
        cli.out.line(created.token);
        cli.out.note(`token "${created.name}" (id ${created.id}) created: copy it now, it is not shown again. Players send it as "Authorization: Token …".`);
      }),
    );

  token
    .command('list')
    .description('every token: id, name, when it was created and last used (never the token itself)')
    .addHelpText('after', examples('aime token list', 'aime token list --json'))
    .action(
      action(async (cli) => {
        const [{ tokens }, timezone] = await Promise.all([cli.call('token.list', {}), configuredZone(cli)]);
        cli.out.data({ tokens });
        if (tokens.length === 0) {
          cli.out.line('no tokens yet: aime token create --name <player>');
          return;
        }
        cli.out.table(
          ['id', 'name', 'created', 'last used'],
          tokens.map((item) => [item.id, item.name, localMoment(item.createdAt, timezone), item.lastUsedAt ? localMoment(item.lastUsedAt, timezone) : 'never']),
        );
      }),
    );

  token
    .command('rm <token>')
    .description('remove a token, by id or name: players using it get 401 from the next request on')
    .addHelpText('after', examples('aime token rm navidrome', 'aime token rm 3'))
    .action(
      action(async (cli, reference: string) => {
        const removed = await cli.call('token.remove', { token: reference });
        cli.out.data(removed);
        cli.out.line(`removed token "${removed.name}" (id ${removed.id})`);
      }),
    );
}
