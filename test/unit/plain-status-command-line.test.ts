// `aime status` from a status bar skips commander only when its command line says nothing
// commander would have to handle; everything else still goes through commander.
import { describe, expect, it } from 'vitest';
import { plainStatusOptions } from '../../src/cli/plain-status.js';

const argv = (...args: string[]) => ['node', 'aime', ...args];

describe('plain aime status', () => {
  it('reads the global options around status', () => {
    expect(plainStatusOptions(argv('status'))).toEqual({ json: false, color: true, quiet: false, verbose: false });
    expect(plainStatusOptions(argv('--home', '/srv/aime', 'status', '--json', '--no-color', '-q'))).toEqual({ json: true, color: false, quiet: true, verbose: false, home: '/srv/aime' });
    expect(plainStatusOptions(argv('status', '--socket=/run/aime.sock', '--verbose'))).toMatchObject({ socket: '/run/aime.sock', verbose: true });
  });

  it('leaves to commander help, other commands, unknown options, arguments and missing values', () => {
    for (const line of [[], ['status', '--help'], ['-h', 'status'], ['health'], ['status', 'now'], ['status', '--jsn'], ['status', '--home'], ['--json', 'status', 'status'], ['status', '--json=yes']]) {
      expect(plainStatusOptions(argv(...line)), line.join(' ')).toBeUndefined();
    }
  });
});
