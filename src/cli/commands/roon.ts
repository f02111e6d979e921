import { oneOf, wholeNumber } from '../arguments.js';
import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import type { RoonControl, RoonStatusDto, RoonZoneDto } from '../../rpc/methods/roon.js';
import { action, examples } from '../action.js';
import type { CliRuntime } from '../runtime.js';

const CONTROLS: { verb: RoonControl; says: string }[] = [
  { verb: 'play', says: 'start or resume playback' },
  { verb: 'pause', says: 'pause playback' },
  { verb: 'playpause', says: 'toggle between play and pause' },
  { verb: 'stop', says: 'stop playback' },
  { verb: 'next', says: 'skip to the next track' },
  { verb: 'previous', says: 'go back to the previous track (or the start of this one)' },
];

const ZONE_HELP = 'zone name or id (default: config roon.defaultZone, else the playing zone)';

export function registerRoonCommands(program: Command): void {
  const roon = program
    .command('roon')
    .description('the Roon Core: pairing, zones and playback control')
    .addHelpText('after', examples('aime roon pair', 'aime roon zones', 'aime roon volume +5 --zone Kitchen', 'aime roon play-album "Miles Davis" "Kind of Blue"'));

  roon
    .command('status')
    .description('connection to the Roon Core: state, Core name, zones')
    .addHelpText('after', examples('aime roon status', 'aime roon status --json'))
    .action(
      action(async (cli) => {
        const status = await cli.call('roon.status', {});
        cli.out.data(status);
        cli.out.line(statusLine(cli, status));
      }),
    );

  roon
    .command('pair')
    .description('pair AIME with your Roon Core (you press Enable in Roon once); waits until it is done')
    .option('--timeout <seconds>', 'how long to wait for Enable', '300')
    .addHelpText('after', examples('aime config set roon.host 192.168.1.20 && aime roon pair', 'aime roon pair --timeout 60'))
    .action(
      action(async (cli, options: { timeout: string }) => {
        const timeoutSeconds = wholeNumber(options.timeout, '--timeout');
        cli.out.note('Waiting for the Roon Core. In Roon, open Settings → Extensions and press "Enable" next to "AIME — AI Music Enabler".');
        cli.out.note('(Already enabled once? AIME pairs again by itself with its stored token.)');
        const status = await cli.call('roon.pair', { timeoutSeconds });
        cli.out.data(status);
        cli.out.line(cli.out.paint.green(`Paired with ${status.coreName ?? 'the Roon Core'} (${status.zones} zones).`));
      }),
    );

  roon
    .command('zones')
    .description('every zone: state, what plays, volume')
    .addHelpText('after', examples('aime roon zones', 'aime roon zones --json'))
    .action(
      action(async (cli) => {
        const result = await cli.call('roon.zones', {});
        cli.out.data({ zones: result.zones });
        if (!result.connected) cli.out.note('(Roon Core not connected: showing the last known state)');
        cli.out.table(
          ['ZONE', 'STATE', 'NOW PLAYING', 'VOLUME', 'ID'],
          result.zones.map((z) => [z.name, z.state, nowPlayingText(z), volumeText(z), z.id]),
        );
      }),
    );

  for (const { verb, says } of CONTROLS) {
    roon
      .command(verb)
      .description(says)
      .option('--zone <zone>', ZONE_HELP)
      .addHelpText('after', examples(`aime roon ${verb}`, `aime roon ${verb} --zone "Living Room"`))
      .action(
        action(async (cli, options: { zone?: string }) => {
          const result = await cli.call('roon.control', { zone: options.zone, control: verb });
          cli.out.data(result);
          cli.out.line(`${result.zone}: ${verb}`);
        }),
      );
  }

  roon
    .command('seek <position>')
    .description('jump to a position: seconds or m:ss; +N/-N moves relative to now')
    .option('--zone <zone>', ZONE_HELP)
    .addHelpText('after', examples('aime roon seek 1:30', 'aime roon seek +30', 'aime roon seek -10 --zone Kitchen'))
    .action(
      action(async (cli, position: string, options: { zone?: string }) => {
        const relative = /^[+-]/.test(position);
        const seconds = parsePosition(position);
        const result = await cli.call('roon.seek', { zone: options.zone, how: relative ? 'relative' : 'absolute', seconds });
        cli.out.data(result);
        cli.out.line(`${result.zone}: seek ${position}`);
      }),
    );

  roon
    .command('volume <value>')
    .description("set the volume of the zone's outputs (clamped to each output's range and soft limit); +N/-N changes it")
    .option('--zone <zone>', ZONE_HELP)
    .option('--absolute', 'a signed value is a level, not a change (dB zones: -30 means -30 dB)')
    .option('--steps', "the value counts the output's volume steps (+2 = two steps up)")
    .addHelpText('after', examples('aime roon volume 40 --zone Kitchen', 'aime roon volume +5', 'aime roon volume -30 --absolute --zone "Living Room"', 'aime roon volume -2 --steps'))
    .action(
      action(async (cli, raw: string, options: { zone?: string; absolute?: boolean; steps?: boolean }) => {
        const value = Number(raw);
        if (!Number.isFinite(value)) throw new UserError(`volume must be a number, not "${raw}"`);
        const how = options.steps ? 'step' : options.absolute || !/^[+-]/.test(raw) ? 'absolute' : 'relative';
        const result = await cli.call('roon.volume', { zone: options.zone, how, value });
        cli.out.data(result);
        for (const change of result.changed) cli.out.line(`${change.name}: volume ${change.how === 'absolute' ? change.value : `${change.value > 0 ? '+' : ''}${change.value} step`}`);
        for (const skip of result.skipped) cli.out.note(`${skip.name} ${skip.reason}`);
      }),
    );

  roon
    .command('mute [how]')
    .description('mute the zone (on), unmute it (off) or toggle')
    .option('--zone <zone>', ZONE_HELP)
    .addHelpText('after', examples('aime roon mute', 'aime roon mute off --zone Kitchen', 'aime roon mute toggle'))
    .action(
      action(async (cli, raw: string | undefined, options: { zone?: string }) => {
        const how = ({ on: 'mute', off: 'unmute', toggle: 'toggle' } as const)[oneOf(raw ?? 'on', ['on', 'off', 'toggle'], 'mute')];
        const result = await cli.call('roon.mute', { zone: options.zone, how });
        cli.out.data(result);
        cli.out.line(`${result.zone}: ${result.muted ? 'muted' : 'unmuted'}`);
      }),
    );

  const settings: { name: 'shuffle' | 'radio'; says: string }[] = [
    { name: 'shuffle', says: 'shuffle the queue on or off' },
    { name: 'radio', says: 'Roon Radio (keeps playing similar music when the queue ends) on or off' },
  ];
  for (const { name, says } of settings) {
    roon
      .command(`${name} <on|off>`)
      .description(says)
      .option('--zone <zone>', ZONE_HELP)
      .addHelpText('after', examples(`aime roon ${name} on`, `aime roon ${name} off --zone Kitchen`))
      .action(
        action(async (cli, raw: string, options: { zone?: string }) => {
          const on = oneOf(raw, ['on', 'off'], name) === 'on';
          const result = await cli.call('roon.settings', { zone: options.zone, [name]: on });
          cli.out.data(result);
          cli.out.line(`${result.zone}: ${name} ${on ? 'on' : 'off'}`);
        }),
      );
  }

  roon
    .command('loop <mode>')
    .description('repeat: off, all (the queue), one (this track), or next (cycle)')
    .option('--zone <zone>', ZONE_HELP)
    .addHelpText('after', examples('aime roon loop all', 'aime roon loop off --zone Kitchen'))
    .action(
      action(async (cli, raw: string, options: { zone?: string }) => {
        const loop = ({ off: 'disabled', all: 'loop', one: 'loop_one', next: 'next' } as const)[oneOf(raw, ['off', 'all', 'one', 'next'], 'loop')];
        const result = await cli.call('roon.settings', { zone: options.zone, loop });
        cli.out.data(result);
        cli.out.line(`${result.zone}: loop ${raw}`);
      }),
    );

  registerCoverCommand(roon);

  roon
    .command('play-album <artist> <album>')
    .description('find an album in Roon (any usual spelling: accents, "The", "&"/"and", edition suffixes) and play it now')
    .option('--zone <zone>', ZONE_HELP)
    .addHelpText('after', examples('aime roon play-album "Beatles" "Abbey Road"', 'aime roon play-album "Amy Winehouse" "Back to Black" --zone Kitchen'))
    .action(
      action(async (cli, artist: string, album: string, options: { zone?: string }) => {
        const result = await cli.call('roon.playAlbum', { zone: options.zone, artist, album });
        cli.out.data(result);
        cli.out.line(`${result.zone}: playing ${result.title} — ${result.artist}`);
      }),
    );
}

function registerCoverCommand(roon: Command): void {
  roon
    .command('cover')
    .description('save the cover of what the zone plays (from the Roon Core) to a file')
    .requiredOption('--out <file>', 'where to write the image')
    .option('--size <pixels>', 'fit the image in a square of this size', '600')
    .option('--zone <zone>', ZONE_HELP)
    .addHelpText('after', examples('aime roon cover --out now.jpg', 'aime roon cover --zone Kitchen --size 300 --out /tmp/kitchen.jpg'))
    .action(
      action(async (cli, options: { out: string; size: string; zone?: string }) => {
        const result = await cli.call('roon.cover', { zone: options.zone, size: wholeNumber(options.size, '--size') });
        const { writeFile } = await import('node:fs/promises');
        await writeFile(options.out, Buffer.from(result.base64, 'base64'));
        cli.out.data({ zone: result.zone, title: result.title, contentType: result.contentType, file: options.out });
        cli.out.line(`${result.zone}: cover of ${result.title} → ${options.out} (${result.contentType})`);
      }),
    );
}

function statusLine(cli: CliRuntime, status: RoonStatusDto): string {
  const where = status.address ?? 'discovery';
  if (status.connected) return `${cli.out.paint.green('connected')} to ${status.coreName} (${where}), ${status.zones} zones`;
  const hint = status.state === 'awaiting-approval' ? ' — press Enable in Roon → Settings → Extensions' : status.state === 'stopped' ? ' — run `aime roon pair`' : '';
  return `${cli.out.paint.yellow(status.state)} (${where})${hint}${status.lastError ? ` · ${status.lastError}` : ''}`;
}

export function nowPlayingText(zone: RoonZoneDto): string {
  const np = zone.nowPlaying;
  if (!np) return '';
  return [np.title, np.artist].filter(Boolean).join(' — ') + (np.album ? ` (${np.album})` : '');
}

export function volumeText(zone: RoonZoneDto): string {
  const volume = zone.volume;
  if (!volume) return 'fixed';
  if (volume.value === null) return 'steps';
  return `${volume.value}${volume.type === 'db' ? ' dB' : ''}${volume.muted ? ' (muted)' : ''}`;
}

function parsePosition(text: string): number {
  const match = /^[+-]?(?:(\d+):)?(\d+(?:\.\d+)?)$/.exec(text);
  if (!match) throw new UserError(`position must be seconds or m:ss (optionally +/-), not "${text}"`);
  const seconds = Number(match[1] ?? 0) * 60 + Number(match[2]);
  return text.startsWith('-') ? -seconds : seconds;
}


