import { UserError } from '../../core/errors.js';
import type { IngestSummary, PlayReport } from '../../core/model.js';
import type { HandlerTable } from '../server.js';
import type { ImportRuns, TrackerRounds } from './daemon-metrics.js';

/**
 * The RPC methods that run an import, and the kind each is counted as. Their results say
 * how much they stored in `imported`. A new import method adds its line here.
 */
export const IMPORT_METHODS: Readonly<Record<string, string>> = {
  'listens.importLastfm': 'lastfm',
  'import.discogs': 'discogs',
  // One run per batch the CLI sends (`aime import file` stores a file in batches of 1,000 plays).
  'listens.importPlays': 'file',
};

/**
 * The handler table with each import method counted (runs by result, what they stored),
 * around the handlers rather than inside them: an import knows nothing of metrics. A request
 * refused before anything ran (bad input, not configured, one already running) is no run, nor
 * is a dry run.
 */
export function meteredImports(handlers: HandlerTable, imports: ImportRuns, methods: Readonly<Record<string, string>> = IMPORT_METHODS): HandlerTable {
  const metered: HandlerTable = { ...handlers };
  for (const [method, kind] of Object.entries(methods)) {
    const handler = handlers[method];
    if (!handler) continue;
    metered[method] = async (params, context) => {
      // A dry run stores nothing: no run to count.
      if ((params as { dryRun?: unknown } | null)?.dryRun === true) return handler(params, context);
      try {
        const result = await handler(params, context);
        const imported = (result as { imported?: unknown } | null)?.imported;
        imports.ran(kind, 'ok', typeof imported === 'number' ? imported : 0);
        return result;
      } catch (error) {
        if (!(error instanceof UserError)) imports.ran(kind, 'error', 0);
        throw error;
      }
    };
  }
  return metered;
}

/** A play recorder (the Roon tracker's way to the ingest) whose every batch counts as one tracker round. */
export function meteredRecorder(
  recorder: { record(plays: PlayReport[]): Promise<IngestSummary> },
  trackers: TrackerRounds,
  tracker: string,
): { record(plays: PlayReport[]): Promise<IngestSummary> } {
  return {
    async record(plays) {
      try {
        const summary = await recorder.record(plays);
        trackers.round(tracker, 'ok');
        return summary;
      } catch (error) {
        trackers.round(tracker, 'error');
        throw error;
      }
    },
  };
}
