/**
 * Connections with a large read waiting (a long line, a pipelined burst) take turns, a
 * few per turn of the event loop, so that a flood of them is spread over many turns and
 * a small request from another client is answered between two of them instead of after
 * the whole flood. Reading and scanning 64 KiB costs far more than serving a status.
 */
export class ReadTurns {
  private readonly waiting = new Set<() => void>();
  private readonly perTurn: number;
  private scheduled = false;

  constructor(perTurn = 8) {
    this.perTurn = perTurn;
  }

  /** Runs `read` in a coming turn; asking again before it ran changes nothing. */
  request(read: () => void): void {
    this.waiting.add(read);
    this.schedule();
  }

  /** Forgets a read that has not run (its connection closed). */
  cancel(read: () => void): void {
    this.waiting.delete(read);
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.size === 0) return;
    this.scheduled = true;
    setImmediate(() => this.turn());
  }

  private turn(): void {
    this.scheduled = false;
    let ran = 0;
    for (const read of this.waiting) {
      if (ran++ === this.perTurn) break;
      this.waiting.delete(read);
      read();
    }
    this.schedule();
  }
}
