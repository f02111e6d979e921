import type { ExportFormat } from './formats.js';

/** What a file is: an export AIME reads, or something else with the reason it is passed over. */
export type Detection =
  | { readonly kind: 'export'; readonly format: ExportFormat }
  /** `companion`: a file that comes with exports and holds no listens (video history, user.json). */
  | { readonly kind: 'other'; readonly reason: string; readonly companion: boolean };

/** Bytes of a file's beginning that detection looks at. */
export const DETECTION_HEAD_BYTES = 64 * 1024;

const COMPANIONS: readonly (readonly [RegExp, string])[] = [
  [/(^|\/)__MACOSX\//, 'macOS archive metadata'],
  [/(^|\/)Streaming_History_Video_[^/]*\.json$/i, 'Spotify video history (not music)'],
  [/(^|\/)StreamingHistory_podcast_\d+\.json$/i, 'Spotify podcast history (not music)'],
  [/(^|\/)(user\.json|feedback\.jsonl|pinned_recording\.jsonl)$/i, 'ListenBrainz account data (not listens)'],
];

/**
 * Why a file that comes with exports holds no listens, or null: decided by its path alone.
 * Hidden files (.DS_Store) are passed over only inside folders and ZIPs: a file the user
 * names is looked at whatever its name.
 */
export function companionReason(path: string, inFolder: boolean): string | null {
  if (inFolder && /(^|\/)\.[^/]*$/.test(path)) return 'hidden file';
  return COMPANIONS.find(([pattern]) => pattern.test(path))?.[1] ?? null;
}

const NAME_HINTS: readonly (readonly [RegExp, ExportFormat])[] = [
  [/(^|\/)Streaming_History_Audio_[^/]*\.json$/i, 'spotify'],
  [/(^|\/)endsong_\d+\.json$/i, 'spotify'],
  [/(^|\/)StreamingHistory(_music_)?\d+\.json$/i, 'spotify-account'],
  [/(^|\/)recenttracks-[^/]*\.csv$/i, 'lastfm-csv'],
  [/(^|\/)recenttracks-[^/]*\.json$/i, 'lastfm-json'],
  [/_lb-\d{4}-\d{2}-\d{2}\.json$/i, 'listenbrainz'],
  [/(^|\/)listens\/\d{4}\/\d{1,2}\.jsonl$/i, 'listenbrainz'],
  [/(^|\/)maloja_export[^/]*\.json$/i, 'maloja'],
];

/** Where in a folder or ZIP a file may hold a format's syntax, for an explicit --format. */
const EXTENSIONS: Readonly<Record<ExportFormat, RegExp>> = {
  spotify: /\.json$/i,
  'spotify-account': /\.json$/i,
  'lastfm-csv': /\.(csv|txt)$/i,
  'lastfm-json': /\.json$/i,
  listenbrainz: /\.jsonl?$/i,
  maloja: /\.json$/i,
};

/**
 * Recognises an export from its path (inside a folder or ZIP, `/`-separated) and the text of
 * its first bytes. The content decides when it is distinctive (a renamed file still works);
 * the name decides when the content says little (an empty `[]`); neither → not an export,
 * never a guess. `explicit` (--format) replaces detection, except for companion files and,
 * inside folders and ZIPs (`inFolder`), for files whose extension cannot hold that format.
 */
export function detectExport(path: string, head: string, options: { explicit?: ExportFormat; inFolder?: boolean } = {}): Detection {
  const companion = companionReason(path, options.inFolder === true);
  if (companion !== null) return { kind: 'other', reason: companion, companion: true };
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (options.explicit) {
    if (options.inFolder && !EXTENSIONS[options.explicit].test(name)) return { kind: 'other', reason: `not a ${options.explicit} file`, companion: true };
    return { kind: 'export', format: options.explicit };
  }
  const content = head.replace(/^\uFEFF/, '').trimStart();
  const byContent = content.startsWith('[') || content.startsWith('{') ? jsonFormat(content) : csvFormat(content);
  if (byContent === 'podcasts') return { kind: 'other', reason: 'Spotify podcast history (not music)', companion: true };
  if (byContent) return { kind: 'export', format: byContent };
  const hinted = NAME_HINTS.find(([pattern]) => pattern.test(path));
  if (hinted) return { kind: 'export', format: hinted[1] };
  return { kind: 'other', reason: notAnExportReason(content), companion: false };
}

function jsonFormat(content: string): ExportFormat | 'podcasts' | null {
  const has = (key: string): boolean => content.includes(`"${key}"`);
  if (has('ms_played') && has('ts')) return 'spotify';
  if (has('msPlayed') && has('endTime')) return has('episodeName') || has('podcastName') ? 'podcasts' : 'spotify-account';
  if (has('listened_at') && has('track_metadata')) return 'listenbrainz';
  if ((has('scrobbles') || has('list')) && has('artists') && has('time')) return 'maloja';
  if (content.startsWith('[') && has('track') && has('#text')) return 'lastfm-json';
  return null;
}

const LASTFM_DATE_AT_END = /,\s*"?\d{1,2} [A-Za-z]{3} \d{4},? \d{1,2}:\d{2}"?\s*$/;

function csvFormat(content: string): ExportFormat | null {
  const firstLine = content.slice(0, content.search(/\r?\n|$/));
  const cells = firstLine.toLowerCase().split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
  const header = cells.includes('artist') && (cells.includes('track') || cells.includes('title')) && (cells.includes('uts') || cells.includes('utc_time') || cells.includes('date'));
  if (header || LASTFM_DATE_AT_END.test(firstLine)) return 'lastfm-csv';
  return null;
}

function notAnExportReason(content: string): string {
  if (content === '') return 'not a listening export: the file is empty';
  if (content.startsWith('#AUDIOSCROBBLER/')) return 'not a listening export AIME reads: a .scrobbler.log (portable player log)';
  if (content.startsWith('[') || content.startsWith('{')) return 'not a listening export: JSON of no known export shape';
  return 'not a listening export: neither JSON nor a known CSV';
}
