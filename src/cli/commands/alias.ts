import type { Command } from 'commander';
import { action, examples } from '../action.js';
import { formatNumber } from '../output.js';
import { notePage, pageRequest, withPaging, type PagingOptions, type PagingRule } from '../paging.js';

const PAGING: PagingRule = { noun: 'aliases', defaultSize: 50, maxSize: 1000 };

/** `aime alias artist|list|rm`: another name of an artist counts as the artist everywhere listens are counted. */
export function registerAliasCommands(program: Command): void {
  const alias = program
    .command('alias')
    .description('artist aliases: listens under another spelling count for the canonical artist (stats, playlists, history filters)')
    .addHelpText('after', examples('aime alias artist EWF "Earth, Wind & Fire"', 'aime alias list', 'aime alias rm EWF'));

  alias
    .command('artist <name> <canonical>')
    .description('count every listen credited to <name> (past and future, from every source) for <canonical>')
    .addHelpText(
      'after',
      examples('aime alias artist "Sunn 0)))" "Sunn O)))"', 'aime alias artist "Simon & Garfunkel" "Paul Simon / Art Garfunkel"   # counts for both', 'aime alias artist Prinz Prince --json'),
    )
    .action(
      action(async (cli, name: string, canonical: string) => {
        const result = await cli.call('aliases.add', { name, canonical });
        cli.out.data(result);
        const replaced = result.replaced === null ? '' : ` (instead of "${result.replaced}")`;
        cli.out.line(`"${result.name}" now counts as "${result.canonical}"${replaced}: ${formatNumber(result.listens)} listens so far`);
        if (!result.canonicalHeard) cli.out.note(`note: no listens of "${result.canonical}" yet; the alias applies as soon as there are`);
      }),
    );

  withPaging(alias.command('list'), PAGING)
    .description('the aliases, by name, with the listens each one re-counts')
    .addHelpText('after', examples('aime alias list', 'aime alias list --json'))
    .action(
      action(async (cli, options: PagingOptions) => {
        const result = await cli.call('aliases.list', pageRequest(options, PAGING));
        cli.out.data(result);
        if (result.total === 0) {
          cli.out.line('no aliases (add one: aime alias artist <name> <canonical>)');
          return;
        }
        if (result.items.length) cli.out.table(['alias', 'counts as', 'listens'], result.items.map((item) => [item.name, item.canonical, formatNumber(item.listens)]));
        notePage(cli.out, result, 'aliases');
      }),
    );

  alias
    .command('rm <name>')
    .description('remove an alias: its listens count for their own name again')
    .addHelpText('after', examples('aime alias rm EWF', 'aime alias rm Prinz --json'))
    .action(
      action(async (cli, name: string) => {
        const result = await cli.call('aliases.remove', { name });
        cli.out.data(result);
        cli.out.line(`"${result.name}" no longer counts as "${result.canonical}"`);
      }),
    );
}
