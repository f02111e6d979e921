interface Waiting<T, R> {
  readonly item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit: the requests that arrived in the same event-loop turn — or while the previous
 * group was being written — are written together, in one call of `write` (one transaction),
 * instead of one transaction each. A commit's cost is mostly the pages it writes, so under many
 * clients (the ListenBrainz listener) or a client with several batches on their way
 * (`aime import file`) this is what keeps writing near the speed of ingest itself; a lone
 * request waits one turn of the loop. A group holds at most `maxSize` (by `sizeOf`) unless one
 * request alone is larger. `write` answers each item of a group in order; when it throws, every
 * request of the group fails with that error.
 *
 * `gatherMs`: how long the first request of a group may wait for others (0: one loop turn). A
 * client that streams large batches over the socket gets them read one per turn (the socket's
 * buffer holds about one), so a group fills only if it waits a little — or until it is full.
 * It never waits longer than the last group took to write: when writing is quick (a file
 * imported again, all duplicates) waiting would cost more than the commits it saves.
 */
export class GroupCommit<T, R> {
  private readonly write: (items: readonly T[]) => Promise<readonly R[]>;
  private readonly sizeOf: (item: T) => number;
  private readonly maxSize: number;
  private readonly gatherMs: number;
  private readonly waiting: Waiting<T, R>[] = [];
  private waitingSize = 0;
  private scheduled: { cancel(): void } | undefined;
  private writing = false;
  private lastWriteMs = 0;

  constructor(write: (items: readonly T[]) => Promise<readonly R[]>, options: { sizeOf: (item: T) => number; maxSize: number; gatherMs?: number }) {
    this.write = write;
    this.sizeOf = options.sizeOf;
    this.maxSize = options.maxSize;
    this.gatherMs = options.gatherMs ?? 0;
  }

  submit(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.waitingSize += this.sizeOf(item);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.writing || this.waiting.length === 0) return;
    // A full group goes at once (in the next turn: never inside the caller's own).
    if (this.waitingSize >= this.maxSize && this.gatherMs > 0) {
      this.scheduled?.cancel();
      this.scheduled = undefined;
    }
    if (this.scheduled) return;
    if (this.gatherMs === 0 || this.waitingSize >= this.maxSize) {
      // After the I/O of this loop turn: requests that completed together are written together.
      const immediate = setImmediate(() => void this.flush());
      this.scheduled = { cancel: () => clearImmediate(immediate) };
    } else {
      const timer = setTimeout(() => void this.flush(), Math.min(this.gatherMs, this.lastWriteMs));
      this.scheduled = { cancel: () => clearTimeout(timer) };
    }
  }

  private async flush(): Promise<void> {
    this.scheduled = undefined;
    const group: Waiting<T, R>[] = [];
    let size = 0;
    while (this.waiting.length && (group.length === 0 || size + this.sizeOf(this.waiting[0]!.item) <= this.maxSize)) {
      const next = this.waiting.shift()!;
      group.push(next);
      size += this.sizeOf(next.item);
    }
    this.waitingSize -= size;
    this.writing = true;
    const started = performance.now();
    try {
      const results = await this.write(group.map((waiting) => waiting.item));
      this.lastWriteMs = performance.now() - started;
      group.forEach((waiting, index) => waiting.resolve(results[index]!));
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
    } finally {
      this.writing = false;
      this.schedule();
    }
  }
}
