/**
 * Small terminal charts made of block characters: they read without colour, and each
 * fits 80 columns. Callers pass the widest label so bars line up.
 */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/** Heat levels from none to the busiest quarter; a legend explains them. */
export const HEAT_LEVELS = ['·', '░', '▒', '▓', '█'];

/** A horizontal bar of `width` columns at most, in eighths of a column. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** One character per count, taller for more; an empty bucket is a space. */
export function sparkline(counts: readonly number[]): string {
  const max = Math.max(0, ...counts);
  return counts
    .map((count) => (count <= 0 || max === 0 ? ' ' : SPARKS[Math.min(SPARKS.length - 1, Math.ceil((count / max) * SPARKS.length) - 1)]))
    .join('');
}

/** The heat level (index into HEAT_LEVELS) of a count: quarters of the maximum. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.ceil((count / max) * 4));
}

/** Rows of labelled heat cells (two columns per cell), an hour ruler above, a legend below. */
export function heatGrid(labels: readonly string[], rows: readonly (readonly number[])[], max: number): string[] {
  const labelWidth = Math.max(...labels.map((label) => label.length));
  const ruler = Array.from({ length: 24 }, (_, hour) => (hour % 3 === 0 ? String(hour).padStart(2, '0') : '  ')).join('');
  const lines = [`${' '.repeat(labelWidth)} ${ruler}`.trimEnd()];
  rows.forEach((row, index) => {
    lines.push(`${(labels[index] ?? '').padEnd(labelWidth)} ${row.map((count) => HEAT_LEVELS[heatLevel(count, max)]!.repeat(2)).join('')}`);
  });
  const quarter = (n: number) => Math.ceil((max * n) / 4);
  const legend = max > 0
    ? `${HEAT_LEVELS[0]} none  ${HEAT_LEVELS[1]} 1–${quarter(1)}  ${HEAT_LEVELS[2]} –${quarter(2)}  ${HEAT_LEVELS[3]} –${quarter(3)}  ${HEAT_LEVELS[4]} –${max} listens`
    : `${HEAT_LEVELS[0]} none`;
  lines.push(`${' '.repeat(labelWidth)} ${legend}`);
  return lines;
}

/** Labelled bars with their values, e.g. plays per artist. */
export function barChart(rows: readonly { label: string; value: number }[], width = 80): string[] {
  if (!rows.length) return [];
  const max = Math.max(...rows.map((row) => row.value));
  const shown = (value: number) => value.toLocaleString('en-US');
  const valueWidth = Math.max(...rows.map((row) => shown(row.value).length));
  const labelWidth = Math.min(36, Math.max(...rows.map((row) => row.label.length)));
  const barWidth = Math.max(8, width - labelWidth - valueWidth - 4);
  return rows.map((row) => {
    const label = row.label.length > labelWidth ? row.label.slice(0, labelWidth - 1) + '…' : row.label.padEnd(labelWidth);
    return `${label}  ${shown(row.value).padStart(valueWidth)} ${bar(row.value, max, barWidth)}`.trimEnd();
  });
}
