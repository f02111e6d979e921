// Cover Art Archive routes, served under the fake's `/coverart` base:
//   GET /release-group/{mbid}            JSON {images, release} (art of the first release with art)
//   GET /release-group/{mbid}/front[-250|-500|-1200]  307 to the image
//   GET /release/{mbid} and /release/{mbid}/front[-size]  the same for one release
//   GET /release/{mbid}/{imageId}[-size].png  the image bytes
// 400 for an invalid MBID, 404 for an unknown one or one without art.
import type { ServerResponse } from 'node:http';
import { sendImage, sendJson } from '../discogs/http-kit.js';
import type { MbRelease, MbReleaseGroup } from './catalogue.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface CoverArtImage {
  approved: boolean;
  back: boolean;
  comment: string;
  edit: number;
  front: boolean;
  id: string;
  image: string;
  thumbnails: { '250': string; '500': string; '1200': string; small: string; large: string };
  types: string[];
}

function imageId(release: MbRelease, side: 'front' | 'back'): string {
  return String((Number.parseInt(release.id.slice(0, 7), 16) * 2 + (side === 'back' ? 1 : 0)) + 10_000_000_000);
}

export function coverArtImages(base: string, release: MbRelease): CoverArtImage[] {
  return (['front', 'back'] as const).map((side) => {
    const id = imageId(release, side);
    const url = (suffix: string): string => `${base}/release/${release.id}/${id}${suffix}.png`;
    return {
      approved: true,
      back: side === 'back',
      comment: '',
      edit: 40_000_000 + (Number(id) % 1_000_000),
      front: side === 'front',
      id,
      image: url(''),
      thumbnails: { '250': url('-250'), '500': url('-500'), '1200': url('-1200'), small: url('-250'), large: url('-500') },
      types: [side === 'front' ? 'Front' : 'Back'],
    };
  });
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not Found');
}

/** Handles a path below the Cover Art Archive base (e.g. `/release-group/<mbid>/front`). */
export function serveCoverArt(res: ServerResponse, base: string, path: string, groups: readonly MbReleaseGroup[]): void {
  const [kind, id, leaf, extra] = path.split('/').filter((p) => p !== '');
  if ((kind !== 'release' && kind !== 'release-group') || id === undefined || extra !== undefined) return notFound(res);
  if (!UUID.test(id)) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`${id} is not a valid MBID`);
    return;
  }
  let release: MbRelease | undefined;
  if (kind === 'release-group') {
    release = groups.find((g) => g.id === id)?.releases.find((r) => r.hasCoverArt);
  } else {
    release = groups.flatMap((g) => g.releases).find((r) => r.id === id && r.hasCoverArt);
  }
  if (release === undefined) return notFound(res);
  const images = coverArtImages(base, release);
  if (leaf === undefined) {
    return sendJson(res, 200, { images, release: `https://musicbrainz.org/release/${release.id}` });
  }
  const front = /^front(?:-(250|500|1200))?$/.exec(leaf);
  if (front !== null) {
    const image = images[0]!;
    const size = front[1] as '250' | '500' | '1200' | undefined;
    res.writeHead(307, { location: size === undefined ? image.image : image.thumbnails[size], 'content-length': '0' });
    res.end();
    return;
  }
  const file = /^(\d+)(?:-(?:250|500|1200))?\.png$/.exec(leaf);
  if (kind === 'release' && file !== null && images.some((img) => img.id === file[1])) return sendImage(res);
  notFound(res);
}
