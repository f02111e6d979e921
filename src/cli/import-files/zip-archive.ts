import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ExportSyntaxError } from './syntax-error.js';

/**
 * A ZIP read in place (never unpacked to disk): its entries one after another, each of which
 * can be opened as often as needed while the archive is open (a big entry is read twice:
 * once to check its syntax, once for its records).
 */
export class ZipArchive {
  private readonly zip: ZipFile;

  private constructor(zip: ZipFile) {
    this.zip = zip;
  }

  static open(path: string): Promise<ZipArchive> {
    return new Promise((resolve, reject) => {
      yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) => {
        if (error || !zip) reject(new ExportSyntaxError(`not a valid ZIP (${error?.message ?? 'unreadable'})`, undefined, error));
        else resolve(new ZipArchive(zip));
      });
    });
  }

  /** The files of the archive (folders left out), in the archive's order. */
  async *entries(): AsyncGenerator<Entry> {
    for (;;) {
      const entry = await new Promise<Entry | null>((resolve, reject) => {
        const cleanup = (): void => {
          this.zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
        };
        const onEntry = (found: Entry): void => (cleanup(), resolve(found));
        const onEnd = (): void => (cleanup(), resolve(null));
        const onError = (error: Error): void => (cleanup(), reject(new ExportSyntaxError(`not a valid ZIP (${error.message})`, undefined, error)));
        this.zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
        this.zip.readEntry();
      });
      if (entry === null) return;
      if (!entry.fileName.endsWith('/')) yield entry;
    }
  }

  openEntry(entry: Entry): Promise<Readable> {
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) reject(new ExportSyntaxError(`cannot read ${entry.fileName} in the ZIP (${error?.message ?? 'unreadable'})`, undefined, error));
        else resolve(stream);
      });
    });
  }

  close(): void {
    this.zip.close();
  }
}
