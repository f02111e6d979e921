import type { IngestSummary, PlayReport } from '../model.js';

/** Where the Roon tracker hands finished plays (the listens ingest, deduplicated with Last.fm). */
export interface PlayRecorder {
  record(reports: PlayReport[]): Promise<IngestSummary>;
}
