/**
 * Everything the CLI prints goes through here: --json puts exactly one JSON document on
 * stdout; human output is plain text, coloured only on a TTY without --no-color/NO_COLOR.
 */
export interface OutputOptions {
  readonly json: boolean;
  readonly quiet: boolean;
  readonly color: boolean;
}

type Paint = (text: string) => string;

export interface Palette {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly green: Paint;
  readonly red: Paint;
  readonly yellow: Paint;
  readonly cyan: Paint;
}

const sgr = (open: number, close: number): Paint => (text) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain: Paint = (text) => text;

export class Output {
  readonly options: OutputOptions;
  readonly paint: Palette;

  constructor(options: OutputOptions) {
    this.options = options;
    this.paint = options.color
      ? { bold: sgr(1, 22), dim: sgr(2, 22), green: sgr(32, 39), red: sgr(31, 39), yellow: sgr(33, 39), cyan: sgr(36, 39) }
      : { bold: plain, dim: plain, green: plain, red: plain, yellow: plain, cyan: plain };
  }

  get json(): boolean {
    return this.options.json;
  }

  /** The machine result (with --json) or nothing. */
  data(value: unknown): void {
    if (this.options.json) process.stdout.write(JSON.stringify(value, null, 2) + '\n');
  }

  /** Human output on stdout (never with --json). */
  line(text = ''): void {
    if (!this.options.json) process.stdout.write(text + '\n');
  }

  /** Chatter on stderr: progress, hints. Silent with -q or --json. */
  note(text: string): void {
    if (!this.options.quiet && !this.options.json) process.stderr.write(text + '\n');
  }

  /** A table with aligned columns; long cells are cut to keep within the terminal. */
  table(headers: string[], rows: (string | number | null | undefined)[][]): void {
    if (this.options.json) return;
    const cells = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
    const widths = headers.map((header, i) => Math.min(48, Math.max(header.length, ...cells.map((row) => visibleLength(row[i] ?? '')))));
    const fit = (text: string, width: number) => {
      const length = visibleLength(text);
      if (length > width) return text.slice(0, width - 1) + '…';
      return text + ' '.repeat(width - length);
    };
    this.line(this.paint.bold(headers.map((header, i) => fit(header, widths[i] ?? 0)).join('  ').trimEnd()));
    for (const row of cells) this.line(row.map((cell, i) => fit(cell, widths[i] ?? 0)).join('  ').trimEnd());
  }
}

function visibleLength(text: string): number {
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

export function shouldColor(flag: boolean): boolean {
  if (!flag) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return process.stdout.isTTY === true;
}

export function formatDuration(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${seconds % 60}s`;
  return `${seconds}s`;
}

/**
 * "12,345" and "1,234.568" (at most three decimals), as toLocaleString('en-US') writes them,
 * without loading ICU's locale data (≈20 ms of every `aime status`).
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole = '0', fraction] = Math.abs(value).toFixed(3).replace(/\.?0+$/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && (whole !== '0' || fraction !== undefined) ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** "1 day", "3 days", "12,345 listens". */
export function plural(count: number, noun: string): string {
  return `${formatNumber(count)} ${noun}${count === 1 ? '' : 's'}`;
}
