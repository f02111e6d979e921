// Job files: dated names in the configured zone, atomic writes, rotation by newest; and the
// Markdown export's table of contents, whose every link lands on a heading.
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishOutput, rotateOutputFiles, writeFileAtomic, writeOutputFile } from '../../src/core/exports/files.js';
import { renderCollectionMarkdown, Slugger } from '../../src/core/exports/markdown.js';
import type { ExportAlbum } from '../../src/core/exports/model.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'aime-exports-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const kind = { type: 'export-markdown', ext: 'md' } as const;
const noon = Date.parse('2026-11-21T11:05:09Z');

describe('job files', () => {
  it('are named <type>-YYYYMMDD-HHMMSS.<ext> on the configured zone clock, a same-second run getting -2', () => {
    const first = writeOutputFile(dir, kind, 'one', noon, 'Europe/Zurich');
    const second = writeOutputFile(dir, kind, 'two', noon, 'Europe/Zurich');
    expect(basename(first)).toBe('export-markdown-20261121-120509.md');
    expect(basename(second)).toBe('export-markdown-20261121-120509-2.md');
    expect(basename(writeOutputFile(dir, kind, 'x', noon, 'Asia/Tokyo'))).toBe('export-markdown-20261121-200509.md');
    expect(readFileSync(second, 'utf8')).toBe('two');
  });

  it('are replaced whole and leave no temporary file', () => {
    const path = join(dir, 'collection.md');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['collection.md']);
  });

  it('rotate to the newest N of their type, leaving other types and other files alone', () => {
    const written: string[] = [];
    for (let i = 0; i < 8; i++) {
      const path = writeOutputFile(dir, kind, String(i), noon + i * 1000, 'UTC');
      utimesSync(path, (noon + i * 1000) / 1000, (noon + i * 1000) / 1000);
      written.push(path);
    }
    const other = writeOutputFile(dir, { type: 'export-json', ext: 'json' }, '{}', noon, 'UTC');
    writeFileSync(join(dir, 'notes.md'), 'mine');
    const removed = rotateOutputFiles(dir, kind, 5);
    expect(removed.sort()).toEqual(written.slice(0, 3).sort());
    expect(readdirSync(dir).sort()).toEqual([...written.slice(3).map((p) => basename(p)), basename(other), 'notes.md'].sort());
    publishOutput({ dir, keep: 5, timezone: 'UTC' }, kind, 'latest', noon + 60_000);
    expect(readdirSync(dir).filter((name) => name.startsWith('export-markdown-'))).toHaveLength(5);
    expect(readdirSync(dir)).not.toContain(basename(written[3]!));
  });
});

function album(id: number, artist: string, title: string, year: number | null): ExportAlbum {
  return {
    id, title, artist, artists: [artist], year, supports: ['vinyl'], source: 'discogs', discogsId: id, discogsUrl: null, spotifyUrl: null,
    appleMusicUrl: null, genres: [], styles: [], labels: ['Sire'], soundtrack: false, film: null, description: null, summary: null,
    images: [], coverUrl: null, copies: [], createdAt: 0,
  };
}

describe('collection Markdown', () => {
  const albums = [
    album(1, 'Talking Heads', 'Remain in Light', 1980),
    album(2, 'The Cure', 'Disintegration', 1989),
    album(3, 'Talking Heads', 'Fear of Music', 1979),
    album(4, 'Björk', 'Homogenic', 1997),
    album(5, '*NSYNC', 'No Strings Attached', 2000),
    album(6, 'Cure', 'Contents', null),
  ];
  const markdown = renderCollectionMarkdown(albums, { filter: {}, exportedAt: noon, timezone: 'Europe/Zurich' });

  it('groups by artist in name order, albums by year then title', () => {
    const headings = markdown.split('\n').filter((line) => /^#{1,2} /.test(line));
    expect(headings).toEqual([
      '# 🎵 Collection', '## Contents',
      '# Björk', '## Homogenic',
      '# The Cure', '## Disintegration', '## Contents',
      '# \\*NSYNC', '## No Strings Attached',
      '# Talking Heads', '## Fear of Music', '## Remain in Light',
    ]);
    expect(markdown).toContain('**Exported:** 2026-11-21 12:05 (Europe/Zurich)');
    expect(markdown).toContain('- **Labels:** Sire');
  });

  it('links every table-of-contents entry to a heading anchor', () => {
    const slugger = new Slugger();
    const anchors = new Set(markdown.split('\n').filter((line) => /^#{1,6} /.test(line)).map((line) => slugger.slug(line.replace(/^#+ /, '').replace(/\\/g, ''))));
    const links = [...markdown.matchAll(/^- \[[^\]]+\]\(#([^)]+)\) \((\d+)\)$/gm)].map((match) => [match[1], Number(match[2])]);
    expect(links).toEqual([['björk', 1], ['the-cure', 2], ['nsync', 1], ['talking-heads', 2]]);
    for (const [anchor] of links) expect(anchors.has(anchor as string)).toBe(true);
  });
});
