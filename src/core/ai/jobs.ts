/**
 * What the scheduler's AI jobs call (SPEC §4.6): descriptions for the most played albums
 * without one (every 6 h), and the daily "Album Haïku" (a haiku and five presentations).
 * The weekly haiku and the monthly report are generateListeningHaiku / generateMonthlyReport.
 */
import { errorMessage } from '../errors.js';
import { writeAlbumText, type AlbumText } from './album-texts.js';
import { generateCollectionHaiku, type GeneratedText } from './digests.js';
import type { AiDeps } from './ports.js';

export interface DescribeAlbumsResult {
  readonly described: number;
  readonly failed: number;
  readonly errors: ReadonlyArray<{ albumId: number; error: string }>;
}

/**
 * Describes up to `limit` albums: the given ids, or the most played albums that have no
 * description yet. One album failing does not stop the others.
 */
export async function describeAlbums(
  deps: AiDeps,
  options: { limit: number; mostPlayedWithoutDescription?: boolean; albumIds?: readonly number[]; signal?: AbortSignal },
): Promise<DescribeAlbumsResult> {
  const ids = options.albumIds ?? (options.mostPlayedWithoutDescription === false ? [] : await deps.facts.mostPlayedWithoutDescription(options.limit));
  let described = 0;
  const errors: { albumId: number; error: string }[] = [];
  for (const albumId of ids.slice(0, options.limit)) {
    if (options.signal?.aborted) break;
    try {
      await writeAlbumText(deps, { album: albumId, kind: 'description', signal: options.signal });
      described++;
    } catch (error) {
      errors.push({ albumId, error: errorMessage(error) });
    }
  }
  return { described, failed: errors.length, errors };
}

export interface AlbumHaikuDeck {
  readonly haiku: GeneratedText;
  /** The sampled albums' 35-word presentations (stored ones reused). */
  readonly albums: readonly AlbumText[];
}

/** The daily "Album Haïku": a collection haiku plus the presentation of `count` random albums. */
export async function generateAlbumHaikuDeck(deps: AiDeps, options: { count: number; signal?: AbortSignal }): Promise<AlbumHaikuDeck> {
  const collection = await deps.facts.collection(options.count);
  const haiku = await generateCollectionHaiku(deps, { sample: options.count, signal: options.signal });
  const albums: AlbumText[] = [];
  for (const album of collection.sample) {
    albums.push(await writeAlbumText(deps, { album, kind: 'presentation', signal: options.signal }));
  }
  return { haiku, albums };
}
