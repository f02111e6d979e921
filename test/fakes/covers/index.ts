// A local picture host standing in for the places stored cover URLs point to (Cover Art
// Archive thumbnails that redirect to archive.org, i.discogs.com, i.scdn.co), with the ways
// such a host lets a page down:
//   GET /img/<name>.png       a 64×64 PNG in a colour of its own (a real picture a browser decodes);
//                             ?size=N: N×N of noise instead, as large as a real cover (160: ~77 KB)
//   GET /redirect/<name>.png  307 to /img/<name>.png, as the Cover Art Archive answers
//   GET /slow/<name>.png      the picture after `slowMs` (default: never — it hangs until close)
//   GET /huge.jpg             600 KB starting like a JPEG: over any sensible cap
//   GET /not-a-picture.jpg    an HTML page served as 200
//   anything else             404
import type { ServerResponse } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';
import { listenLocal, type RequestLog } from '../discogs/http-kit.js';

export interface FakeCoverHost {
  readonly url: string;
  readonly requests: RequestLog;
  /** How long /slow/ pictures take (ms); Infinity: they never come. */
  slowMs: number;
  close(): Promise<void>;
}

const SIDE = 64;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A square PNG: solid, in a colour that comes from the name, so every cover looks different
 * in a screenshot; or `noisy`, pixels that do not compress, so it weighs what a photo does.
 */
export function coverPng(name: string, side = SIDE, noisy = false): Buffer {
  let hash = 2166136261;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  const colour = [hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = Array.from({ length: side }, () => {
    const row = Buffer.alloc(1 + side * 3);
    // xorshift32: its low byte does not repeat the way a multiplier's does, so deflate finds nothing to shorten.
    for (let x = 0; x < side * 3; x++) {
      if (noisy) {
        hash ^= hash << 13;
        hash ^= hash >>> 17;
        hash ^= hash << 5;
        hash >>>= 0;
      }
      row[1 + x] = noisy ? hash & 0xff : colour[x % 3]!;
    }
    return row;
  });
  const pixels = deflateSync(Buffer.concat(rows));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

function send(res: ServerResponse, type: string, body: Buffer): void {
  res.writeHead(200, { 'content-type': type, 'content-length': String(body.length) });
  res.end(body);
}

export async function startFakeCoverHost(): Promise<FakeCoverHost> {
  const stalled = new Set<ServerResponse>();
  const server = await listenLocal(async (_req, res, url) => {
    const [kind, file] = url.pathname.split('/').filter(Boolean);
    const name = /^([\w-]+)\.png$/.exec(file ?? '')?.[1];
    const size = Number(url.searchParams.get('size') ?? 0);
    if (kind === 'img' && name) return send(res, 'image/png', size > 0 && size <= 512 ? coverPng(name, size, true) : coverPng(name));
    if (kind === 'redirect' && name) {
      res.writeHead(307, { location: `/img/${name}.png`, 'content-length': '0' });
      res.end();
      return;
    }
    if (kind === 'slow' && name) {
      if (!Number.isFinite(host.slowMs)) {
        stalled.add(res);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, host.slowMs));
      return send(res, 'image/png', coverPng(name));
    }
    if (kind === 'huge.jpg') return send(res, 'image/jpeg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(600_000, 7)]));
    if (kind === 'not-a-picture.jpg') return send(res, 'text/html; charset=utf-8', Buffer.from('<!DOCTYPE html><title>Moved</title><p>This picture has moved.</p>'));
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not Found');
  });
  const host: FakeCoverHost = {
    url: server.url,
    requests: server.log,
    slowMs: Number.POSITIVE_INFINITY,
    async close() {
      for (const res of stalled) res.destroy();
      await server.close();
    },
  };
  return host;
}
