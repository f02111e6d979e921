import type { AlbumEvents } from '../../core/ports.js';
import { SqliteArtistAliases } from '../../db/repositories/artist-aliases.js';
import { SqliteListenCorrections } from '../../db/repositories/listen-corrections.js';
import { correctionsHandlers } from '../handlers/corrections.js';
import type { Feature, FeatureContext } from './feature.js';

/**
 * Fixing what was recorded: `listens.remove|edit` (`aime history rm|edit`), recorded so that
 * ingest skips the corrected plays when a source sends them again, and `aliases.*` (`aime
 * alias`), which statistics, playlists and history filters read through artist_credits.
 */
export function correctionsFeature(ctx: FeatureContext, needs: { albumEvents: AlbumEvents }): Feature {
  return {
    handlers: correctionsHandlers({
      corrections: new SqliteListenCorrections(ctx.db),
      aliases: new SqliteArtistAliases(ctx.db),
      albumEvents: needs.albumEvents,
      timeZone: () => ctx.values().timezone,
      clock: ctx.clock,
    }),
  };
}
