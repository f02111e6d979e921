import type { GlobalOptions } from './runtime.js';

const FLAGS: Record<string, Partial<GlobalOptions>> = {
  '--json': { json: true },
  '--no-color': { color: false },
  '-q': { quiet: true },
  '--quiet': { quiet: true },
  '--verbose': { verbose: true },
};
const VALUES = { '--home': 'home', '--socket': 'socket' } as const;

/**
 * The global options of a command line that is `aime status` and nothing else commander would
 * have to explain (help, an unknown option, an argument): status bars run it every few
 * seconds, so it skips loading commander (≈25 ms of a ≈150 ms process). Anything else is
 * undefined and goes through commander as usual.
 */
export function plainStatusOptions(argv: readonly string[]): GlobalOptions | undefined {
  const options: { -readonly [K in keyof GlobalOptions]: GlobalOptions[K] } = { json: false, color: true, quiet: false, verbose: false };
  let command: string | undefined;
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name in VALUES) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') return undefined;
      options[VALUES[name as keyof typeof VALUES]] = value;
    } else if (inline === undefined && Object.hasOwn(FLAGS, arg)) Object.assign(options, FLAGS[arg]);
    else if (arg === 'status' && command === undefined) command = arg;
    else return undefined;
  }
  return command === 'status' ? options : undefined;
}
