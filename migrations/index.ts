import { InitialSchema1763700000000 } from './1763700000000-initial-schema.js';
import { ListensTrackTitleIndex1763710000000 } from './1763710000000-listens-track-title-index.js';
import { ListensMergedCopy1763710000001 } from './1763710000001-listens-merged-copy.js';
import { CollectionSeenByImport1763730000000 } from './1763730000000-collection-seen-by-import.js';
import { PresentationLanguage1763740000000 } from './1763740000000-presentation-language.js';
import { ListeningRollups1763770000000 } from './1763770000000-listening-rollups.js';
import { ListenSlotsWeekIndex1763770000001 } from './1763770000001-listen-slots-week-index.js';
import { ArtistTransitions1763770000002 } from './1763770000002-artist-transitions.js';
import { ApiTokens1763780000000 } from './1763780000000-api-tokens.js';
import { ListensClient1763780000001 } from './1763780000001-listens-client.js';
import { AlbumsReleaseMbid1763810000000 } from './1763810000000-albums-release-mbid.js';
import { TrackDurations1763820000000 } from './1763820000000-track-durations.js';
import { TracklistsAndSpins1763830000000 } from './1763830000000-tracklists-and-spins.js';
import { ListenCorrections1763840000000 } from './1763840000000-listen-corrections.js';
import { ArtistAliases1763840000001 } from './1763840000001-artist-aliases.js';
import { ListenCounts1763850000000 } from './1763850000000-listen-counts.js';
import { ForwardOutbox1763860000000 } from './1763860000000-forward-outbox.js';
import { DropTrackArtistIndex1763870000000 } from './1763870000000-drop-track-artist-index.js';

/**
 * Every migration, oldest first. Released migrations are never edited: a schema change is
 * a new file here. Number ranges by area keep parallel work apart:
 * 17637000xxxxx foundation, 17637100xxxxx listens, 17637200xxxxx roon,
 * 17637300xxxxx collection, 17637400xxxxx ai, 17637500xxxxx playlists,
 * 17637600xxxxx jobs, 17637700xxxxx analytics, 17637800xxxxx http listener, 17638100xxxxx file imports,
 * 17638200xxxxx durations, 17638300xxxxx tracklists and spins, 17638400xxxxx corrections and aliases,
 * 17638500xxxxx http wiring, 17638600xxxxx forwarding, 17638700xxxxx year in review.
 */
export const MIGRATIONS = [
  InitialSchema1763700000000,
  ListensTrackTitleIndex1763710000000,
  ListensMergedCopy1763710000001,
  CollectionSeenByImport1763730000000,
  PresentationLanguage1763740000000,
  ListeningRollups1763770000000,
  ListenSlotsWeekIndex1763770000001,
  ArtistTransitions1763770000002,
  ApiTokens1763780000000,
  ListensClient1763780000001,
  AlbumsReleaseMbid1763810000000,
  TrackDurations1763820000000,
  TracklistsAndSpins1763830000000,
  ListenCorrections1763840000000,
  ArtistAliases1763840000001,
  ListenCounts1763850000000,
  ForwardOutbox1763860000000,
  DropTrackArtistIndex1763870000000,
];
