import { writeFileAtomic } from '../../exports/files.js';
import type { YearInReview } from '../model.js';
import { periodName } from '../period.js';
import type { CoverImages } from './covers.js';
import {
  albumOfTheYearSection, collectionSection, discoverySection, emptySection, heatmapSection, heroSection, monthsSection, paragraphSection,
  rhythmSection, sourcesSection, topAlbumsSection, topArtistsSection, topTracksSection,
} from './sections.js';
import { PAGE_CSS } from './style.js';
import { html } from './text.js';

export interface PageOptions {
  /** Cover bytes by album id; an album without bytes gets a lettered tile. */
  readonly covers?: CoverImages;
  /** Shown in the footer, e.g. "2026-12-31 20:00". */
  readonly generatedAt?: string;
}

/**
 * The year in review as one self-contained HTML file: inline CSS and SVG, covers as data
 * URIs, no script, no font or picture from the network. The Content-Security-Policy makes
 * that a promise the browser keeps: whatever the data, the page cannot fetch anything.
 */
export function renderWrappedPage(report: YearInReview, options: PageOptions = {}): string {
  const covers: CoverImages = options.covers ?? new Map();
  const name = periodName(report);
  const title = `${name ?? `${report.from} → ${report.to}`} in music — AIME`;
  const body = report.listens > 0
    ? [
        heroSection(report),
        paragraphSection(report),
        albumOfTheYearSection(report, covers),
        `<div class="cards">${topArtistsSection(report)}${topTracksSection(report)}</div>`,
        `<div class="wide">${topAlbumsSection(report, covers)}</div>`,
        monthsSection(report),
        heatmapSection(report),
        `<div class="cards">${rhythmSection(report)}${discoverySection(report)}</div>`,
        `<div class="wide">${collectionSection(report, covers)}</div>`,
        sourcesSection(report),
      ]
    : [heroSection(report), emptySection(report), collectionSection(report, covers)];
  const footer = `<footer>Made by AIME on your own machine${options.generatedAt ? ` · ${html(options.generatedAt)}` : ''} · times in ${html(report.timezone)}</footer>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    '<meta name="color-scheme" content="light dark">',
    `<title>${html(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    `<body><main>${body.join('\n')}\n${footer}</main></body>`,
    '</html>',
    '',
  ].join('\n');
}

/** Renders and writes the page atomically: a reader sees the old file or the whole new one. */
export function writeWrappedPage(path: string, report: YearInReview, options: PageOptions = {}): void {
  writeFileAtomic(path, renderWrappedPage(report, options));
}
