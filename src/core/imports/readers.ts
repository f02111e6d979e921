import type { ExportFormat } from './formats.js';
import { lastfmCsvReader } from './lastfm-csv.js';
import { lastfmJsonReader } from './lastfm-json.js';
import { listenBrainzReader } from './listenbrainz.js';
import { malojaReader } from './maloja.js';
import type { ExportReader } from './records.js';
import { spotifyAccountReader } from './spotify-account.js';
import { spotifyExtendedReader } from './spotify-extended.js';

const READERS: Readonly<Record<ExportFormat, () => ExportReader>> = {
  spotify: spotifyExtendedReader,
  'spotify-account': spotifyAccountReader,
  'lastfm-csv': lastfmCsvReader,
  'lastfm-json': lastfmJsonReader,
  listenbrainz: listenBrainzReader,
  maloja: malojaReader,
};

/** A fresh reader for one file of this format. */
export function createExportReader(format: ExportFormat): ExportReader {
  return READERS[format]();
}
