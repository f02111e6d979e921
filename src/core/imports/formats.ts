import type { ListenSource } from '../model.js';

/**
 * The listening-export files AIME reads, and how each lays out its records. The names are the
 * values of `aime import file --format` (public contract: add, never rename).
 */
export const EXPORT_FORMATS = ['spotify', 'spotify-account', 'lastfm-csv', 'lastfm-json', 'listenbrainz', 'maloja'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The sources export files record their plays under (Last.fm export files are 'lastfm'). */
export const EXPORT_SOURCES = ['spotify', 'lastfm', 'listenbrainz', 'maloja'] as const satisfies readonly ListenSource[];

/** What each format is, in the words a user knows it by (reports, --help). */
export const FORMAT_TITLES: Readonly<Record<ExportFormat, string>> = {
  spotify: 'Spotify extended streaming history',
  'spotify-account': 'Spotify account data streaming history',
  'lastfm-csv': 'Last.fm CSV export',
  'lastfm-json': 'Last.fm JSON export (lastfm.ghan.nl)',
  listenbrainz: 'ListenBrainz export',
  maloja: 'Maloja export',
};

/**
 * Where the records sit in a file. `json`: the elements selected by one of the paths
 * (`*` = every element of an array, a name = that key of an object), e.g. `[['*']]` for a
 * root array, `[['scrobbles', '*'], ['list', '*']]` for Maloja. `jsonLines`: one record per
 * line. `csv`: one record per row (header rows are the reader's business).
 */
export interface RecordLayout {
  readonly json?: readonly (readonly string[])[];
  readonly jsonLines?: boolean;
  readonly csv?: boolean;
}

export const FORMAT_LAYOUTS: Readonly<Record<ExportFormat, RecordLayout>> = {
  spotify: { json: [['*']] },
  'spotify-account': { json: [['*']] },
  'lastfm-csv': { csv: true },
  // One element per page ({track:[…]}): pages are small, the reader unfolds them.
  'lastfm-json': { json: [['*']] },
  // The export ZIP holds JSON lines; older exports are one JSON array.
  listenbrainz: { json: [['*']], jsonLines: true },
  maloja: { json: [['scrobbles', '*'], ['list', '*']] },
};
