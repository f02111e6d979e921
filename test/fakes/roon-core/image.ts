// com.roonlabs.image:1 `get_image`, and the same images over HTTP at /api/image/<key>
// (roon-api.md §5). Every known key renders as a solid-colour PNG whose colour comes from
// the key, so tests can tell two images apart; sizes follow scale/width/height.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { CoreService, IncomingRequest } from './connection.js';

export const IMAGE_SERVICE = 'com.roonlabs.image:1';

/** The size of an image asked for without `scale` ("original"). */
const ORIGINAL_SIZE = 300;
const MAX_SIZE = 2000;

export interface ImageRequest {
  image_key?: unknown;
  scale?: unknown;
  width?: unknown;
  height?: unknown;
}

type ImageResult = { ok: true; png: Buffer } | { ok: false; status: string; message: string };

export function renderImage(request: ImageRequest, knownKeys: ReadonlySet<string>): ImageResult {
  const key = request.image_key;
  if (typeof key !== 'string') return { ok: false, status: 'InvalidRequest', message: 'JSON: missing required string field: image_key' };
  if (!knownKeys.has(key)) return { ok: false, status: 'NotFound', message: `unknown image_key ${key}` };
  let width = ORIGINAL_SIZE;
  let height = ORIGINAL_SIZE;
  if (request.scale !== undefined) {
    const w = Number(request.width);
    const h = Number(request.height);
    if (!['fit', 'fill', 'stretch'].includes(String(request.scale))) {
      return { ok: false, status: 'InvalidRequest', message: `bad value for scale: ${String(request.scale)}` };
    }
    if (!(w > 0) || !(h > 0)) return { ok: false, status: 'InvalidRequest', message: 'scale needs width and height' };
    // The originals are square, so "fit" gives a square that fits in the box.
    width = request.scale === 'fit' ? Math.min(w, h) : w;
    height = request.scale === 'fit' ? Math.min(w, h) : h;
  }
  const clamp = (n: number): number => Math.max(1, Math.min(MAX_SIZE, Math.round(n)));
  return { ok: true, png: solidPng(clamp(width), clamp(height), colourOf(key)) };
}

export function createImageService(knownKeys: ReadonlySet<string>): CoreService {
  return {
    handle(req: IncomingRequest): void {
      if (req.name !== 'get_image') {
        req.sendComplete('InvalidRequest');
        return;
      }
      const result = renderImage((req.body ?? {}) as ImageRequest, knownKeys);
      if (result.ok) req.sendComplete('Success', result.png, 'image/png');
      else req.sendComplete(result.status, { message: result.message });
    },
  };
}

/** Serves GET /api/image/<key>?scale=…&width=…&height=…; returns false for other paths. */
export function serveImageHttp(req: IncomingMessage, res: ServerResponse, knownKeys: ReadonlySet<string>): boolean {
  const url = new URL(req.url ?? '/', 'http://fake-core');
  const match = /^\/api\/image\/([^/]+)$/.exec(url.pathname);
  if (!match || req.method !== 'GET') return false;
  const query = Object.fromEntries(url.searchParams);
  const result = renderImage({ ...query, image_key: decodeURIComponent(match[1] ?? '') }, knownKeys);
  if (result.ok) {
    res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': result.png.length });
    res.end(result.png);
  } else {
    res.writeHead(result.status === 'NotFound' ? 404 : 400, { 'Content-Type': 'text/plain' });
    res.end(result.message);
  }
  return true;
}

function colourOf(key: string): [number, number, number] {
  const digest = createHash('md5').update(key).digest();
  return [digest[0] ?? 0, digest[1] ?? 0, digest[2] ?? 0];
}

function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0, 0);
  return Buffer.concat([length, typed, crc]);
}
