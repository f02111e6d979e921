import { connect, type Socket } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The hostile clients of bench/socket.ts, in a worker thread so that pushing their
 * hundreds of megabytes does not delay the well-behaved client timed on the main thread.
 * Told 'stop', it closes everything and reports how many were refused at the limit.
 */
export interface AttackPlan {
  readonly socket: string;
  readonly unreadRequests: number;
  readonly halfOpenClients: number;
  readonly halfLineBytes: number;
}

const plan = workerData as AttackPlan;
const sockets: Socket[] = [];
let refused = 0;
let stopping = false;

function open(path: string): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.on('error', () => socket.destroy());
    // Closed by the daemon before we close them: refused at the limit.
    socket.once('close', () => {
      if (!stopping) refused++;
    });
    socket.once('connect', () => resolve(socket));
  });
}

// Never reads: without a 'data' listener Node stops reading once its buffer is full.
const reader = await open(plan.socket);
sockets.push(reader);
reader.write(Buffer.from(Array.from({ length: plan.unreadRequests }, (_, i) => `{"jsonrpc":"2.0","id":${i + 1},"method":"system.status"}\n`).join('')));

const halfLine = Buffer.alloc(plan.halfLineBytes, 'x');
halfLine.write('{"jsonrpc":"2.0","id":1,"method":"system.status","params":{"pad":"');
for (const socket of await Promise.all(Array.from({ length: plan.halfOpenClients }, () => open(plan.socket)))) {
  sockets.push(socket);
  socket.write(halfLine);
}
parentPort?.postMessage({ started: true });
parentPort?.once('message', () => {
  stopping = true;
  for (const socket of sockets) socket.destroy();
  parentPort?.postMessage({ refused });
});
