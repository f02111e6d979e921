// Finding the Roon Core on the local network with SOOD (roon-api.md §2.5): one query to the
// multicast group and the broadcast addresses, the first Core that answers wins. Done here
// rather than with node-roon-api's start_discovery, whose timers and sockets can never be
// stopped in 1.2.3 (§0.13) and which gives up on a Core that failed once (§0.8).
import { randomUUID } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { networkInterfaces } from 'node:os';

export const SOOD_PORT = 9003;
const SOOD_MULTICAST = '239.255.90.90';
const ROON_SERVICE_ID = '00720724-5143-4a9b-abac-0e50cba674bb';

export interface DiscoveredCore {
  readonly host: string;
  readonly port: number;
  readonly name: string | null;
}

export interface DiscoveryOptions {
  readonly timeoutMs: number;
  /** Where queries go; default: the SOOD multicast group and every IPv4 broadcast address. */
  readonly targets?: readonly { host: string; port: number }[];
}

export function discoverCore(options: DiscoveryOptions): Promise<DiscoveredCore | undefined> {
  const tid = randomUUID();
  const query = encodeSood('Q', { query_service_id: ROON_SERVICE_ID, _tid: tid });
  const targets = options.targets ?? defaultTargets();
  return new Promise((resolve) => {
    const socket = createSocket({ type: 'udp4' });
    let done = false;
    const finish = (core: DiscoveredCore | undefined) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.close();
      resolve(core);
    };
    const timer = setTimeout(() => finish(undefined), options.timeoutMs);
    socket.on('error', () => finish(undefined));
    socket.on('message', (message, from) => {
      const reply = decodeSood(message);
      if (!reply || reply.type !== 'R' || reply.props['service_id'] !== ROON_SERVICE_ID) return;
      const port = Number(reply.props['http_port']);
      if (!Number.isInteger(port) || port <= 0) return;
      finish({ host: reply.props['_replyaddr'] ?? from.address, port, name: reply.props['name'] ?? null });
    });
    socket.bind(0, () => {
      socket.setBroadcast(true);
      socket.setMulticastTTL(1);
      for (const target of targets) socket.send(query, target.port, target.host, () => undefined);
    });
  });
}

function defaultTargets(): { host: string; port: number }[] {
  const hosts = new Set([SOOD_MULTICAST, '255.255.255.255']);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family !== 'IPv4' || address.internal) continue;
      const ip = address.address.split('.').map(Number);
      const mask = address.netmask.split('.').map(Number);
      hosts.add(ip.map((part, i) => (part | (~(mask[i] ?? 0) & 255)) & 255).join('.'));
    }
  }
  return [...hosts].map((host) => ({ host, port: SOOD_PORT }));
}

/** "SOOD", version 2, the type ('Q' query, 'R' reply), then key (1-byte length) / value (2-byte length) pairs. */
export function encodeSood(type: 'Q' | 'R', props: Record<string, string>): Buffer {
  const parts = [Buffer.from('SOOD'), Buffer.from([2]), Buffer.from(type)];
  for (const [key, value] of Object.entries(props)) {
    const k = Buffer.from(key);
    const v = Buffer.from(value);
    const lengths = Buffer.alloc(3);
    parts.push(Buffer.from([k.length]), k);
    lengths.writeUInt16BE(v.length, 0);
    parts.push(lengths.subarray(0, 2), v);
  }
  return Buffer.concat(parts);
}

export function decodeSood(message: Buffer): { type: string; props: Record<string, string> } | undefined {
  if (message.length < 6 || message.toString('latin1', 0, 4) !== 'SOOD' || message[4] !== 2) return undefined;
  const props: Record<string, string> = {};
  let at = 6;
  while (at < message.length) {
    const keyLength = message[at] ?? 0;
    const key = message.toString('utf8', at + 1, at + 1 + keyLength);
    at += 1 + keyLength;
    if (at + 2 > message.length) return undefined;
    const valueLength = message.readUInt16BE(at);
    at += 2;
    // 0xFFFF marks a null value.
    if (valueLength !== 0xffff) {
      props[key] = message.toString('utf8', at, at + valueLength);
      at += valueLength;
    }
  }
  return { type: String.fromCharCode(message[5] ?? 0), props };
}
