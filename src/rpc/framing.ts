/**
 * Newline-delimited JSON framing shared by the daemon and the CLI: one JSON object per
 * line, UTF-8. A line longer than MAX_LINE_BYTES is dropped whole (the reader is told
 * once) and reading goes on at the next newline, so one bad client message never
 * blocks the connection or the daemon.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

export interface LineHandlers {
  line(text: string): void;
  overflow(): void;
}

export class LineDecoder {
  private chunks: Buffer[] = [];
  private size = 0;
  private skipping = false;
  private ended = 0;
  private readonly handlers: LineHandlers;
  private readonly maxBytes: number;

  constructor(handlers: LineHandlers, maxBytes = MAX_LINE_BYTES) {
    this.handlers = handlers;
    this.maxBytes = maxBytes;
  }

  /** Bytes held for a line whose newline has not arrived yet. */
  get pendingBytes(): number {
    return this.size;
  }

  /** A line has begun and not ended (also while an oversized line is being skipped). */
  get midLine(): boolean {
    return this.size > 0 || this.skipping;
  }

  /** Lines ended so far (oversized ones included): tells a reader that a new line has begun. */
  get endedLines(): number {
    return this.ended;
  }

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      if (newline === -1) {
        this.keep(chunk.subarray(start));
        return;
      }
      this.keep(chunk.subarray(start, newline));
      this.finishLine();
      start = newline + 1;
    }
  }

  private keep(part: Buffer): void {
    if (this.skipping || part.length === 0) return;
    if (this.size + part.length > this.maxBytes) {
      this.chunks = [];
      this.size = 0;
      this.skipping = true;
      this.handlers.overflow();
      return;
    }
    // A short tail of a large read is copied: a view would keep the whole read (64 KiB)
    // alive, and the bytes counted against memory budgets would not be the bytes held.
    this.chunks.push(part.length < part.buffer.byteLength / 2 ? Buffer.from(part) : part);
    this.size += part.length;
  }

  private finishLine(): void {
    this.ended++;
    if (this.skipping) {
      this.skipping = false;
      return;
    }
    const text = Buffer.concat(this.chunks, this.size).toString('utf8').trim();
    this.chunks = [];
    this.size = 0;
    if (text.length > 0) this.handlers.line(text);
  }
}

export function encodeLine(message: unknown): string {
  return JSON.stringify(message) + '\n';
}
