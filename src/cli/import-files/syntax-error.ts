import { UserError } from '../../core/errors.js';

/** Where in a file its syntax broke: 1-based line and column (in bytes), 0-based byte offset. */
export interface SyntaxPosition {
  readonly line: number;
  readonly column?: number;
  readonly offset?: number;
}

/**
 * A file that is not what its format's syntax requires (broken JSON, CSV, ZIP). Nothing of
 * such a file is handed out: its syntax is checked before its first batch.
 */
export class ExportSyntaxError extends UserError {
  readonly position?: SyntaxPosition;

  constructor(problem: string, position?: SyntaxPosition, cause?: unknown) {
    super(position ? `${problem} at ${describePosition(position)}` : problem, { cause, detail: position ? { ...position } : undefined });
    this.position = position;
  }
}

function describePosition(position: SyntaxPosition): string {
  const column = position.column === undefined ? '' : `, column ${position.column}`;
  const offset = position.offset === undefined ? '' : ` (byte ${position.offset})`;
  return `line ${position.line}${column}${offset}`;
}

/** Counts lines across the chunks of a stream, to turn a byte offset into a line and column. */
export class LineCounter {
  /** Bytes of the chunks already counted. */
  private counted = 0;
  /** Newlines in them, and the offset just after the last one. */
  private newlines = 0;
  private lineStart = 0;

  /** Counts a chunk once it has been fully handed to the parser. */
  passed(chunk: Uint8Array): void {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) {
      this.newlines++;
      this.lineStart = this.counted + at + 1;
    }
    this.counted += chunk.length;
  }

  /** The position of `offset`, which lies in `current` (the chunk being parsed) or before it. */
  position(offset: number, current?: Uint8Array): SyntaxPosition {
    let newlines = this.newlines;
    let lineStart = this.lineStart;
    if (current && offset > this.counted) {
      const end = Math.min(offset - this.counted, current.length);
      for (let at = current.indexOf(10); at !== -1 && at < end; at = current.indexOf(10, at + 1)) {
        newlines++;
        lineStart = this.counted + at + 1;
      }
    }
    return { line: newlines + 1, column: offset - lineStart + 1, offset };
  }
}
