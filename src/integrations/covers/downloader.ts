import { UnrecoverableError } from '../../core/errors.js';
import { COVER_TIMEOUT_MS } from '../../core/wrapped/cover-fetch.js';
import { coverMime, MAX_COVER_BYTES } from '../../core/wrapped/page/covers.js';
import type { HttpClient } from '../http.js';

/** Cover Art Archive thumbnails redirect to archive.org, which may redirect once more. */
const REDIRECTS = 3;

/**
 * Album covers as bytes, from the cover URLs enrichment and the Discogs import stored (Cover
 * Art Archive, Discogs, Spotify), for pages that embed them. One try with a short timeout and
 * a size cap: a cover is an ornament, never worth a wait or a retry.
 */
export class CoverDownloader {
  private readonly http: HttpClient;

  constructor(http: HttpClient) {
    this.http = http;
  }

  /** The picture at `url`; fails when it is unreachable, slow, larger than the cap, or not a JPEG, PNG, GIF or WebP picture. */
  async download(url: string, signal?: AbortSignal): Promise<{ bytes: Uint8Array; mime: string }> {
    if (!/^https?:\/\//i.test(url)) throw new UnrecoverableError('a cover URL must be http or https');
    const reply = await this.http.download({ url, maxBytes: MAX_COVER_BYTES, redirects: REDIRECTS, timeoutMs: COVER_TIMEOUT_MS, retries: 0, signal });
    const mime = coverMime(reply.body);
    if (!mime) throw new UnrecoverableError(`${new URL(reply.url).host} sent something that is not a picture`);
    return { bytes: reply.body, mime };
  }
}
