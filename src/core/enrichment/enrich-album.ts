import { AimeError } from '../errors.js';
import { appleMusicSearchUrl } from '../collection/support.js';
import type { Clock } from '../ports.js';
import { pickMatch } from './match.js';
import { nextRetryAt } from './retry-times.js';
import type { AlbumToEnrich, AttemptStatus, Catalogues, EnrichmentProvider, EnrichmentRepository, Findings } from './ports.js';

export interface EnrichOptions {
  readonly providers: readonly EnrichmentProvider[];
  /** Ask again even before the retry time, and providers that already answered. */
  readonly force?: boolean;
  readonly signal?: AbortSignal;
}

export interface AlbumEnrichment {
  readonly albumId: number;
  readonly results: { provider: EnrichmentProvider; status: AttemptStatus; error?: string }[];
}

interface Outcome {
  readonly status: AttemptStatus;
  readonly findings?: Findings;
  readonly error?: string;
}

/**
 * Asks each due provider about one album and records every attempt: covers from the Cover
 * Art Archive (via MusicBrainz), else the Discogs copy, else Spotify; the Spotify link only
 * for a verified match; the year when it is missing; an Apple Music search link.
 */
export async function enrichAlbum(
  deps: { readonly store: EnrichmentRepository; readonly catalogues: Catalogues; readonly clock: Clock },
  albumId: number,
  options: EnrichOptions,
): Promise<AlbumEnrichment | undefined> {
  const now = () => Math.floor(deps.clock.now() / 1000);
  const attempts = new Map((await deps.store.attempts(albumId)).map((attempt) => [attempt.provider, attempt]));
  const results: AlbumEnrichment['results'] = [];
  for (const provider of options.providers) {
    const previous = attempts.get(provider);
    const due = !previous || (previous.status !== 'success' && (previous.nextRetryAt ?? 0) <= now());
    if (!due && !options.force) continue;
    const album = await deps.store.album(albumId);
    if (!album) return undefined;
    let outcome: Outcome;
    try {
      outcome = await ask(provider, album, deps.catalogues, options.signal);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      outcome = isNotFound(error) ? { status: 'not-found' } : { status: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.findings) await deps.store.apply(albumId, outcome.findings, now());
    const tries = (previous?.attempts ?? 0) + 1;
    await deps.store.record(albumId, provider, { status: outcome.status, error: outcome.error ?? null, nextRetryAt: nextRetryAt(outcome.status, tries, now()) }, now());
    results.push({ provider, status: outcome.status, ...(outcome.error ? { error: outcome.error } : {}) });
  }
  return { albumId, results };
}

async function ask(provider: EnrichmentProvider, album: AlbumToEnrich, catalogues: Catalogues, signal?: AbortSignal): Promise<Outcome> {
  const identity = { title: album.title, artist: album.artist, year: album.year };
  switch (provider) {
    case 'musicbrainz': {
      if (!catalogues.musicbrainz) return { status: 'failed', error: 'MusicBrainz is not configured' };
      const group = pickMatch(identity, await catalogues.musicbrainz.searchReleaseGroups(album.artist, album.title, signal));
      if (!group) return { status: 'not-found' };
      const cover = await catalogues.musicbrainz.releaseGroupCover(group.id, signal);
      return {
        status: 'success',
        findings: {
          musicbrainzId: group.id,
          ...(album.year === null && group.year !== null ? { year: group.year } : {}),
          ...(cover ? { cover: { url: cover, source: 'coverart' } } : {}),
        },
      };
    }
    case 'discogs': {
      if (album.coverSources.includes('coverart')) return { status: 'success' };
      if (album.copyCoverUrl) return { status: 'success', findings: { cover: { url: album.copyCoverUrl, source: 'discogs' } } };
      if (album.discogsId === null || !catalogues.discogs) return { status: 'not-found' };
      const cover = await catalogues.discogs.releaseCover(album.discogsId, signal);
      return cover ? { status: 'success', findings: { cover: { url: cover, source: 'discogs' } } } : { status: 'not-found' };
    }
    case 'spotify': {
      if (!catalogues.spotify) return { status: 'failed', error: 'Spotify is not configured' };
      const match = pickMatch(identity, await catalogues.spotify.searchAlbums(album.artist, album.title, signal));
      if (!match) return { status: 'not-found' };
      const needsCover = album.coverSources.length === 0 && !album.copyCoverUrl && match.coverUrl;
      return {
        status: 'success',
        findings: {
          spotifyId: match.id,
          spotifyUrl: match.url,
          ...(album.year === null && match.year !== null ? { year: match.year } : {}),
          ...(needsCover && match.coverUrl ? { cover: { url: match.coverUrl, source: 'spotify' } } : {}),
        },
      };
    }
    case 'apple-music':
      return { status: 'success', findings: album.appleMusicUrl ? {} : { appleMusicUrl: appleMusicSearchUrl(album.artist, album.title) } };
  }
}

/** A lookup that failed because the catalogue does not know the thing is "not found", not a failure. */
function isNotFound(error: unknown): boolean {
  return error instanceof AimeError && error.kind === 'not-found';
}
