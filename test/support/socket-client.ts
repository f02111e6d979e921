import { connect, type Socket } from 'node:net';

/** A raw JSON-RPC client of the daemon's socket, for tests that misbehave on purpose. */
export interface RawClient {
  readonly socket: Socket;
  /** The next line the daemon sends, parsed; fails after `timeoutMs`. */
  next(timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Sends one request line and returns its answer. */
  call(method: string, params?: unknown, id?: number): Promise<Record<string, unknown>>;
  /** Resolves when the connection is closed (by either side). */
  readonly closed: Promise<void>;
  isClosed(): boolean;
}

export function rawClient(path: string): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    const lines: string[] = [];
    const waiters: { done: (line: string) => void; fail: (error: Error) => void }[] = [];
    let buffer = '';
    let closedNow = false;
    let nextId = 1;
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      let index: number;
      while ((index = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 1);
        const waiter = waiters.shift();
        if (waiter) waiter.done(line);
        else lines.push(line);
      }
    });
    // Writing to a connection the daemon closed is part of these tests, not a failure.
    socket.on('error', () => socket.destroy());
    const closed = new Promise<void>((done) =>
      socket.once('close', () => {
        closedNow = true;
        for (const waiter of waiters.splice(0)) waiter.fail(new Error('the connection closed before the daemon sent a line'));
        done();
      }),
    );
    socket.once('connect', () => {
      const next = (timeoutMs = 10_000) =>
        new Promise<Record<string, unknown>>((done, fail) => {
          const line = lines.shift();
          if (line !== undefined) return done(JSON.parse(line) as Record<string, unknown>);
          if (closedNow) return fail(new Error('the connection is closed'));
          const timer = setTimeout(() => fail(new Error(`no line from the daemon within ${timeoutMs} ms`)), timeoutMs);
          waiters.push({
            done: (text) => {
              clearTimeout(timer);
              done(JSON.parse(text) as Record<string, unknown>);
            },
            fail: (error) => {
              clearTimeout(timer);
              fail(error);
            },
          });
        });
      resolve({
        socket,
        next,
        call: (method, params, id = nextId++) => {
          socket.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
          return next();
        },
        closed,
        isClosed: () => closedNow,
      });
    });
    socket.once('close', () => reject(new Error(`could not connect to ${path}`)));
  });
}
