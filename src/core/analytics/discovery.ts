import { pageOffset, type Page } from '../paging.js';
import { dayToDate, localDayNumber } from '../time/days.js';
import { shownBounds, type LocalPeriod } from './periods.js';
import type { AnalyticsRepository, ArtistPair, UnplayedAlbum } from './ports.js';
import type { ShownBounds } from './summary.js';

/** What is new, what goes together, and what sits on the shelf unheard. */
export interface DiscoveryReport extends ShownBounds {
  readonly newArtists: number;
  readonly newAlbums: number;
  /** Newly heard artists and albums, most played first; plays count every listen since. */
  readonly artists: { readonly name: string; readonly firstHeard: string; readonly plays: number }[];
  readonly albums: { readonly title: string; readonly artist: string; readonly firstHeard: string; readonly plays: number }[];
}

export async function listeningDiscoveries(repository: AnalyticsRepository, period: LocalPeriod, limit: number): Promise<DiscoveryReport> {
  const found = await repository.discoveries(period, limit);
  const date = (epochSeconds: number) => dayToDate(localDayNumber(period.timeZone, epochSeconds));
  return {
    ...shownBounds(period),
    newArtists: found.artists,
    newAlbums: found.albums,
    artists: found.topArtists.map((artist) => ({ name: artist.name, firstHeard: date(artist.firstHeard), plays: artist.plays })),
    albums: found.topAlbums.map((album) => ({ title: album.name, artist: album.artist ?? '', firstHeard: date(album.firstHeard), plays: album.plays })),
  };
}

export interface PatternReport extends ShownBounds {
  /** Artists heard one straight after the other (30 minutes apart at most), either order; the second listen in the period. */
  readonly pairs: ArtistPair[];
}

export async function artistPatterns(repository: AnalyticsRepository, period: LocalPeriod, limit: number): Promise<PatternReport> {
  return { ...shownBounds(period), pairs: await repository.artistPairs(period, limit) };
}

export type ShelvedAlbum = Omit<UnplayedAlbum, 'addedAt'> & { readonly addedAt: string | null };

/** `albums` is the first name of `items` (kept for old readers of `stats unplayed --json`). */
export interface UnplayedReport extends Page<ShelvedAlbum> {
  readonly albums: ShelvedAlbum[];
}

/** Collection albums with no listen at all, oldest purchases first, `limit` per page. */
export async function unplayedAlbums(repository: AnalyticsRepository, timeZone: string, limit: number, page = 1): Promise<UnplayedReport> {
  const { total, albums } = await repository.unplayedCollection(limit, pageOffset({ page, pageSize: limit }));
  const shown = albums.map((album) => ({ ...album, addedAt: album.addedAt === null ? null : dayToDate(localDayNumber(timeZone, album.addedAt)) }));
  return { total, albums: shown, items: shown, page, pageSize: limit };
}
