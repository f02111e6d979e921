import { count, html } from './text.js';

/**
 * The page's charts as inline SVG: a bar, a month curve and hour × weekday heat cells.
 * Sizes are viewBox units, so a chart scales to the width the layout gives it (a phone or
 * a desktop); colours are CSS classes, so the page's light, dark and print styles apply.
 * Every coordinate is a finite number, whatever the data (an empty year draws flat).
 */

/** A coordinate with at most one decimal, never NaN. */
function at(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '0';
}

/** A horizontal bar, value/max of the width it is given (at least a sliver when the value is not 0). */
export function barSvg(value: number, max: number): string {
  const share = max > 0 && value > 0 ? Math.max(1.5, Math.min(100, (value / max) * 100)) : 0;
  return `<svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true"><rect class="bar-track" width="100" height="6"/>`
    + `<rect class="bar-fill" width="${at(share)}" height="6"/></svg>`;
}

export interface CurvePoint {
  readonly label: string;
  readonly value: number;
}

const CURVE = { width: 480, height: 220, left: 16, right: 16, top: 30, bottom: 30 } as const;

/** Listens per month as an area under a line, a dot and a title per month, the busiest one labelled. */
export function monthCurveSvg(points: readonly CurvePoint[], description: string): string {
  const plotWidth = CURVE.width - CURVE.left - CURVE.right;
  const plotHeight = CURVE.height - CURVE.top - CURVE.bottom;
  const baseline = CURVE.top + plotHeight;
  const max = Math.max(0, ...points.map((point) => point.value));
  const x = (i: number) => (points.length === 1 ? CURVE.left + plotWidth / 2 : CURVE.left + (i * plotWidth) / (points.length - 1));
  const y = (value: number) => (max > 0 ? CURVE.top + (1 - value / max) * plotHeight : baseline);
  const xy = points.map((point, i) => `${at(x(i))},${at(y(point.value))}`);
  const parts = [`<svg class="curve" viewBox="0 0 ${CURVE.width} ${CURVE.height}" role="img" aria-label="${html(description)}">`];
  parts.push(`<line class="axis" x1="${CURVE.left}" y1="${at(baseline)}" x2="${CURVE.width - CURVE.right}" y2="${at(baseline)}"/>`);
  if (points.length > 1) {
    parts.push(`<polygon class="curve-area" points="${at(x(0))},${at(baseline)} ${xy.join(' ')} ${at(x(points.length - 1))},${at(baseline)}"/>`);
    parts.push(`<polyline class="curve-line" points="${xy.join(' ')}"/>`);
  }
  // Every label when they fit (a year of short names), fewer for long periods or long labels.
  const fitting = points.some((point) => point.label.length > 3) ? 8 : 12;
  const step = Math.max(1, Math.ceil(points.length / fitting));
  const peak = max > 0 ? points.findIndex((point) => point.value === max) : -1;
  points.forEach((point, i) => {
    parts.push(`<circle class="curve-dot" cx="${at(x(i))}" cy="${at(y(point.value))}" r="5"><title>${html(point.label)}: ${count(point.value)}</title></circle>`);
    if (i % step === 0) parts.push(`<text class="curve-label" x="${at(x(i))}" y="${CURVE.height - 8}" text-anchor="middle">${html(point.label)}</text>`);
  });
  if (peak >= 0) {
    const anchor = peak === 0 ? 'start' : peak === points.length - 1 ? 'end' : 'middle';
    parts.push(`<text class="curve-peak" x="${at(x(peak))}" y="${at(y(max) - 12)}" text-anchor="${anchor}">${count(max)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The heat level 0–4 of a count: quarters of the busiest cell, as the terminal's heat cells. */
export function heatLevel(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(4, Math.ceil((value / max) * 4));
}

const CELL = 20;
const GAP = 3;
const LABEL_WIDTH = 44;
const RULER = 22;

/** Rows of 24 hour cells (the hour × weekday heatmap), an hour ruler above, a title per cell. */
export function heatCellsSvg(rows: readonly (readonly number[])[], labels: readonly string[], max: number, description: string): string {
  const width = LABEL_WIDTH + 24 * (CELL + GAP);
  const height = RULER + rows.length * (CELL + GAP);
  const parts = [`<svg class="heat" viewBox="0 0 ${width} ${height}" role="img" aria-label="${html(description)}">`];
  for (let hour = 0; hour < 24; hour += 3) {
    parts.push(`<text class="heat-ruler" x="${LABEL_WIDTH + hour * (CELL + GAP)}" y="16">${String(hour).padStart(2, '0')}</text>`);
  }
  rows.forEach((row, r) => {
    const top = RULER + r * (CELL + GAP);
    parts.push(`<text class="heat-label" x="0" y="${top + CELL - 6}">${html(labels[r] ?? '')}</text>`);
    for (let hour = 0; hour < 24; hour++) {
      const value = row[hour] ?? 0;
      parts.push(`<rect class="h${heatLevel(value, max)}" x="${LABEL_WIDTH + hour * (CELL + GAP)}" y="${top}" width="${CELL}" height="${CELL}" rx="3">`
        + `<title>${html(labels[r] ?? '')} ${String(hour).padStart(2, '0')}:00 — ${count(value)}</title></rect>`);
    }
  });
  parts.push('</svg>');
  return parts.join('');
}
