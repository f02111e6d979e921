import type { Command } from 'commander';
import type { AiDescribeResult, AiStatusResult, AiTextResult } from '../../rpc/methods/ai.js';
import { action, examples } from '../action.js';
import type { Output } from '../output.js';
import { wholeNumber } from '../arguments.js';

function footer(out: Output, result: AiTextResult, extra = ''): void {
  out.note(out.paint.dim(`${result.model} · ${result.promptVersion} · ${result.language}${extra}`));
}

export function registerAiCommands(program: Command): void {
  const ai = program
    .command('ai')
    .description('texts written by the AI (EurIA or any OpenAI-compatible server): descriptions, haikus, reports, portraits')
    .addHelpText('after', examples('aime ai status', 'aime ai describe "Kind of Blue"', 'aime ai haiku --days 7', 'aime ai portrait "Björk"'));

  ai.command('describe <album>')
    .description('the description of an album (1,800–2,000 characters), stored; --short for the 35-word presentation')
    .option('--force', 'write it again even when one is stored')
    .option('--short', 'the 35-word presentation instead of the long description')
    .addHelpText('after', examples('aime ai describe 42', 'aime ai describe "Massive Attack - Blue Lines" --force', 'aime ai describe "Kid A" --short --json'))
    .action(
      action(async (cli, album: string, options: { force?: boolean; short?: boolean }) => {
        const result: AiDescribeResult = await cli.call('ai.describe', { album, force: options.force === true, short: options.short === true });
        cli.out.data(result);
        cli.out.line(cli.out.paint.bold(`${result.album.artist} — ${result.album.title}`));
        cli.out.line(result.text);
        footer(cli.out, result, result.cached ? ' · stored (use --force to write it again)' : '');
      }),
    );

  ai.command('haiku')
    .description('a haiku on your listening of the last days (top 5 artists and albums), or on your collection')
    .option('--days <n>', 'the period, in days', '7')
    .option('--collection', 'a haiku on the record collection instead')
    .addHelpText('after', examples('aime ai haiku', 'aime ai haiku --days 30', 'aime ai haiku --collection'))
    .action(
      action(async (cli, options: { days: string; collection?: boolean }) => {
        const days = wholeNumber(options.days, '--days');
        const result = await cli.call('ai.haiku', options.collection ? { collection: true } : { days });
        cli.out.data(result);
        cli.out.line(result.text);
        footer(cli.out, result, ` · ${result.subject}`);
      }),
    );

  ai.command('report')
    .description("the text of a month's listening report (default: last month)")
    .option('--month <yyyy-mm>', 'the month, e.g. 2026-10')
    .addHelpText('after', examples('aime ai report', 'aime ai report --month 2026-10 --json'))
    .action(
      action(async (cli, options: { month?: string }) => {
        const result = await cli.call('ai.report', options.month ? { month: options.month } : {});
        cli.out.data(result);
        cli.out.line(result.text);
        footer(cli.out, result, ` · ${result.subject}`);
      }),
    );

  ai.command('portrait <artist>')
    .description('a portrait of an artist (Markdown), shown as the AI writes it')
    .addHelpText('after', examples('aime ai portrait "Massive Attack"', 'aime ai portrait Björk > bjork.md'))
    .action(
      action(async (cli, artist: string) => {
        let ended = true;
        const result = await cli.call('ai.portrait', { artist }, {
          onNotification: (method, params) => {
            if (method !== 'ai.text' || cli.out.json) return;
            const { text } = params as { text: string };
            process.stdout.write(text);
            ended = text.endsWith('\n');
          },
        });
        cli.out.data(result);
        if (!ended) cli.out.line();
        footer(cli.out, result);
      }),
    );

  ai.command('status')
    .description('is AI configured, is the server answering (circuit state), last error, background descriptions')
    .addHelpText('after', examples('aime ai status', 'aime ai status --json | jq .circuit'))
    .action(
      action(async (cli) => {
        const status = await cli.call('ai.status', {});
        cli.out.data(status);
        printStatus(cli.out, status);
      }),
    );

  ai.command('models')
    .description("the models the AI server offers (set one with `aime config set ai.model <id>`)")
    .addHelpText('after', examples('aime ai models', 'aime ai models --json'))
    .action(
      action(async (cli) => {
        const result = await cli.call('ai.models', {});
        cli.out.data(result);
        for (const model of result.models) cli.out.line(model === result.current ? `${cli.out.paint.green('●')} ${model}` : `  ${model}`);
        if (!result.models.includes(result.current)) cli.out.note(`the configured model "${result.current}" is not offered by this server`);
      }),
    );
}

function printStatus(out: Output, status: AiStatusResult): void {
  const { bold, green, red, yellow, dim } = out.paint;
  out.line(`${bold('AI')}          ${status.configured ? green('configured') : yellow(`not configured: ${status.problem ?? ''}`)}`);
  out.line(`${bold('Server')}      ${status.baseUrl} ${dim(`(model ${status.model}, language ${status.language})`)}`);
  const { circuit } = status;
  const state = circuit.state === 'closed' ? green('closed (answering)') : circuit.state === 'open' ? red(`open until ${circuit.retryAt ?? '?'}`) : yellow('half-open (next request is a trial)');
  out.line(`${bold('Circuit')}     ${state}${circuit.consecutiveFailures ? dim(` · ${circuit.consecutiveFailures} failures in a row`) : ''}`);
  if (circuit.lastError) out.line(`${bold('Last error')}  ${circuit.lastError} ${dim(`(${circuit.lastErrorAt ?? ''})`)}`);
  const bg = status.background;
  out.line(`${bold('Background')}  ${bg.running ? 'describing new albums' : 'stopped'} · ${bg.waiting} waiting · ${bg.described} described · ${bg.failed} failed${bg.lastError ? dim(` · last: ${bg.lastError}`) : ''}`);
}
