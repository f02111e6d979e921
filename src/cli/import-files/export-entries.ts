import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { errorMessage } from '../../core/errors.js';
import { ZipArchive } from './zip-archive.js';

/** One file to look at: a file on disk, or a file inside a ZIP. */
export interface ExportEntry {
  /** How reports name it: its path, or `archive.zip:folder/file.json`. */
  readonly path: string;
  /** The `/`-separated path detection looks at: inside the ZIP, or below the folder walked. */
  readonly innerPath: string;
  readonly size: number;
  /** Found by walking a folder or a ZIP, rather than named by the user. */
  readonly inFolder: boolean;
  /** A fresh stream from the first byte. */
  open(): Promise<Readable>;
  readAll(): Promise<Buffer>;
}

export type FoundEntry = { readonly kind: 'entry'; readonly entry: ExportEntry } | { readonly kind: 'unreadable'; readonly path: string; readonly message: string };

const READ_CHUNK = 256 * 1024;
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

/**
 * Every file under the paths the user named: files as they are, folders recursively (in name
 * order, numbers counted as numbers: `_2` before `_10`), ZIPs entry by entry — also ZIPs
 * found in folders. A path that cannot be read is reported and the others go on.
 */
export async function* findExportEntries(paths: readonly string[]): AsyncGenerator<FoundEntry> {
  for (const path of paths) yield* fromPath(path, path, false);
}

async function* fromPath(path: string, root: string, inFolder: boolean): AsyncGenerator<FoundEntry> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    yield { kind: 'unreadable', path, message: `cannot read: ${errorMessage(error)}` };
    return;
  }
  if (info.isDirectory()) {
    let names: string[];
    try {
      names = await readdir(path);
    } catch (error) {
      yield { kind: 'unreadable', path, message: `cannot read the folder: ${errorMessage(error)}` };
      return;
    }
    names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const name of names) yield* fromPath(join(path, name), root, true);
    return;
  }
  if (!info.isFile()) return;
  if (await isZip(path)) {
    yield* fromZip(path);
    return;
  }
  const innerPath = inFolder ? relative(root, path).split(sep).join('/') : basename(path);
  yield {
    kind: 'entry',
    entry: {
      path,
      innerPath,
      size: info.size,
      inFolder,
      open: async () => createReadStream(path, { highWaterMark: READ_CHUNK }),
      readAll: () => readFile(path),
    },
  };
}

async function isZip(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await file.read(head, 0, 4, 0);
    return bytesRead === 4 && head.equals(ZIP_MAGIC);
  } finally {
    await file.close();
  }
}

async function* fromZip(path: string): AsyncGenerator<FoundEntry> {
  let archive: ZipArchive;
  try {
    archive = await ZipArchive.open(path);
  } catch (error) {
    yield { kind: 'unreadable', path, message: errorMessage(error) };
    return;
  }
  try {
    for await (const entry of archive.entries()) {
      yield {
        kind: 'entry',
        entry: {
          path: `${path}:${entry.fileName}`,
          innerPath: entry.fileName,
          size: entry.uncompressedSize,
          inFolder: true,
          open: () => archive.openEntry(entry),
          readAll: async () => collect(await archive.openEntry(entry), entry.uncompressedSize),
        },
      };
    }
  } catch (error) {
    yield { kind: 'unreadable', path, message: errorMessage(error) };
  } finally {
    archive.close();
  }
}

async function collect(stream: Readable, size: number): Promise<Buffer> {
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (filled + chunk.length > size) throw new Error('the entry holds more bytes than the ZIP says');
    chunk.copy(bytes, filled);
    filled += chunk.length;
  }
  if (filled !== size) throw new Error('the entry holds fewer bytes than the ZIP says');
  return bytes;
}

/** The first `count` bytes of an entry (fewer when it is shorter), without reading the rest. */
export async function readHead(entry: ExportEntry, count: number): Promise<Buffer> {
  const stream = await entry.open();
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= count) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, count);
}
