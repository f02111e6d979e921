import { existsSync, lstatSync, unlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { UserError } from '../core/errors.js';

/**
 * Before listening: a live daemon on the socket means "refuse"; a socket file nobody
 * answers on was left by a crashed daemon and is removed. Anything that is not a socket
 * is never deleted.
 */
export async function claimSocketPath(path: string): Promise<'free' | 'stale-removed'> {
  if (!existsSync(path)) return 'free';
  if (!lstatSync(path).isSocket()) {
    throw new UserError(`${path} exists and is not a socket; move it away or choose another path with --socket`);
  }
  if (await answers(path)) {
    throw new UserError(`another AIME daemon is already running on ${path} (stop it first: aime service list shows it; systemctl stop aime or kill its process)`);
  }
  unlinkSync(path);
  return 'stale-removed';
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const done = (alive: boolean) => {
      socket.destroy();
      resolve(alive);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}
