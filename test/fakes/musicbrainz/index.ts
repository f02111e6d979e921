// A local stand-in for musicbrainz.org/ws/2 (release-group, release and recording search and
// lookup, JSON only with fmt=json) and, under a second base on the same server, the Cover Art
// Archive. Like MusicBrainz it wants a real User-Agent (403) and answers 503 to a client
// that asks faster than its pace (1 request/s unless configured).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultInjector, hasMeaningfulUserAgent, listenLocal, sendJson, serveFault, words, type RequestLog } from '../discogs/http-kit.js';
import {
  DEFAULT_MB_CATALOGUE,
  buildReleaseGroup,
  releaseGroupJson,
  releaseJson,
  type MbAlbumSeed,
  type MbRelease,
  type MbReleaseGroup,
} from './catalogue.js';
import { serveCoverArt } from './coverart.js';
import { rank, type SearchDoc } from './query.js';
import { buildRecording, recordingJson, type MbRecording, type MbRecordingSeed } from './recordings.js';

export type { MbAlbumSeed, MbRelease, MbReleaseGroup } from './catalogue.js';
export type { CoverArtImage } from './coverart.js';
export type { MbRecording, MbRecordingSeed } from './recordings.js';
export type { FaultInjector, FaultKind, FaultOptions, LoggedRequest, RequestLog } from '../discogs/http-kit.js';

export interface FakeMusicbrainzOptions {
  /** Replaces the default catalogue. */
  albums?: readonly MbAlbumSeed[];
  /** Recordings (track lengths); none by default. */
  recordings?: readonly MbRecordingSeed[];
  /** Minimum spacing of /ws/2 requests per client IP in ms (default 1000); 0 disables. */
  minIntervalMs?: number;
  /** Slack allowed for client timers, in ms (default 10). */
  toleranceMs?: number;
  /** Default true: missing, empty or library-default User-Agents get 403. */
  requireUserAgent?: boolean;
  now?: () => number;
}

export interface FakeMusicbrainz {
  readonly url: string;
  /** Like https://musicbrainz.org/ws/2 */
  readonly apiUrl: string;
  /** Like https://coverartarchive.org */
  readonly coverartUrl: string;
  readonly releaseGroups: readonly MbReleaseGroup[];
  /** Exact (case- and accent-insensitive) artist and title lookup, first match. */
  findReleaseGroup(artist: string, title: string): MbReleaseGroup | undefined;
  addAlbum(seed: MbAlbumSeed): MbReleaseGroup;
  readonly recordings: readonly MbRecording[];
  addRecording(seed: MbRecordingSeed): MbRecording;
  /** Give or take away the art of a release, or of a group's original release. */
  setCoverArt(mbid: string, hasArt: boolean): void;
  /** Pace for /ws/2, changeable at runtime (0 disables). */
  minIntervalMs: number;
  readonly faults: FaultInjector;
  readonly requests: RequestLog;
  close(): Promise<void>;
}

const RATE_LIMITED = {
  error: 'Your requests are exceeding the allowable rate limit. Please see http://wiki.musicbrainz.org/XMLWebService for more information.',
};
const MBID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function groupDoc(rg: MbReleaseGroup): SearchDoc {
  const { artist } = rg;
  return {
    '': [rg.title, artist.name],
    releasegroup: [rg.title],
    releasegroupaccent: [rg.title],
    release: rg.releases.map((r) => r.title),
    artist: [artist.name, artist.sortName],
    artistname: [artist.name],
    creditname: [artist.name],
    primarytype: [rg.primaryType],
    type: [rg.primaryType],
    secondarytype: rg.secondaryTypes,
    firstreleasedate: [rg.firstReleaseDate],
    rgid: [rg.id],
    arid: [artist.id],
    reid: rg.releases.map((r) => r.id),
    status: ['Official'],
  };
}

function releaseDoc(rg: MbReleaseGroup, r: MbRelease): SearchDoc {
  return {
    ...groupDoc(rg),
    '': [r.title, rg.artist.name],
    release: [r.title],
    releaseaccent: [r.title],
    barcode: [r.barcode],
    catno: [r.catno],
    label: [r.label],
    country: [r.country],
    date: [r.date],
    format: [r.format],
    reid: [r.id],
    tracks: [String(r.trackCount)],
  };
}

function recordingDoc(recording: MbRecording): SearchDoc {
  return {
    '': [recording.title, recording.artist.name],
    recording: [recording.title],
    recordingaccent: [recording.title],
    artist: [recording.artist.name],
    artistname: [recording.artist.name],
    creditname: [recording.artist.name],
    release: recording.release ? [recording.release.title] : [],
    rid: [recording.id],
    arid: [recording.artist.id],
    dur: [String(recording.lengthMs ?? '')],
  };
}

function wantsJson(req: IncomingMessage, url: URL): boolean {
  return url.searchParams.get('fmt') === 'json' || (req.headers.accept ?? '').includes('application/json');
}

function intParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const n = Number(url.searchParams.get(name) ?? fallback);
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export async function startFakeMusicbrainz(options: FakeMusicbrainzOptions = {}): Promise<FakeMusicbrainz> {
  const now = options.now ?? Date.now;
  const toleranceMs = options.toleranceMs ?? 10;
  const requireUserAgent = options.requireUserAgent ?? true;
  const groups: MbReleaseGroup[] = (options.albums ?? DEFAULT_MB_CATALOGUE).map(buildReleaseGroup);
  const recordings: MbRecording[] = (options.recordings ?? []).map(buildRecording);
  const lastAccepted = new Map<string, number>();
  const faults = new FaultInjector();
  let coverartUrl = '';

  function search(res: ServerResponse, url: URL, entity: string): void {
    const query = url.searchParams.get('query') ?? '';
    if (query.trim() === '') return sendJson(res, 400, { error: 'Invalid query: a query parameter is required', help: 'https://musicbrainz.org/doc/MusicBrainz_API/Search' });
    const limit = intParam(url, 'limit', 25, 1, 100);
    const offset = intParam(url, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const hits = entity === 'release-group'
      ? rank(query, groups, groupDoc).map((h) => releaseGroupJson(h.item, h.score))
      : entity === 'recording'
        ? rank(query, recordings, recordingDoc).map((h) => recordingJson(h.item, { score: h.score }))
        : rank(query, groups.flatMap((g) => g.releases.map((r) => ({ g, r }))), ({ g, r }) => releaseDoc(g, r))
            .map((h) => releaseJson(h.item.g, h.item.r, h.score));
    sendJson(res, 200, {
      created: new Date(now()).toISOString(),
      count: hits.length,
      offset,
      [`${entity}s`]: hits.slice(offset, offset + limit),
    });
  }

  function lookup(res: ServerResponse, entity: string, id: string, url: URL): void {
    if (!MBID.test(id)) return sendJson(res, 400, { error: 'Invalid mbid.', help: 'https://musicbrainz.org/doc/MusicBrainz_API' });
    if (entity === 'recording') {
      const recording = recordings.find((r) => r.id === id);
      if (recording !== undefined) return sendJson(res, 200, recordingJson(recording, { inc: (url.searchParams.get('inc') ?? '').split(/[\s+]+/) }));
      return sendJson(res, 404, { error: 'Not Found', help: 'https://musicbrainz.org/doc/MusicBrainz_API' });
    }
    const group = entity === 'release-group' ? groups.find((g) => g.id === id) : undefined;
    if (group !== undefined) return sendJson(res, 200, releaseGroupJson(group));
    for (const g of groups) {
      const release = entity === 'release' ? g.releases.find((r) => r.id === id) : undefined;
      if (release !== undefined) return sendJson(res, 200, releaseJson(g, release));
    }
    sendJson(res, 404, { error: 'Not Found', help: 'https://musicbrainz.org/doc/MusicBrainz_API' });
  }

  function webService(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (requireUserAgent && !hasMeaningfulUserAgent(req.headers['user-agent'])) {
      return sendJson(res, 403, { error: 'Requests without a meaningful User-Agent are not allowed. See https://musicbrainz.org/doc/MusicBrainz_API/Rate_Limiting' });
    }
    const fault = faults.take(`${url.pathname}${url.search}`);
    if (fault !== undefined) {
      return serveFault(fault, res, (status) => ({ body: status === 503 ? RATE_LIMITED : { error: 'Internal server error' } }));
    }
    const client = req.socket.remoteAddress ?? 'unknown';
    const at = now();
    const previous = lastAccepted.get(client);
    if (fake.minIntervalMs > 0 && previous !== undefined && at - previous < fake.minIntervalMs - toleranceMs) {
      return sendJson(res, 503, RATE_LIMITED);
    }
    lastAccepted.set(client, at);
    if (!wantsJson(req, url)) {
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
      res.end('<?xml version="1.0" encoding="UTF-8"?><metadata xmlns="http://musicbrainz.org/ns/mmd-2.0#"/>');
      return;
    }
    const [entity, id, extra] = url.pathname.slice('/ws/2/'.length).split('/').filter((p) => p !== '');
    if ((entity !== 'release-group' && entity !== 'release' && entity !== 'recording') || extra !== undefined) {
      return sendJson(res, 404, { error: 'Not Found', help: 'https://musicbrainz.org/doc/MusicBrainz_API' });
    }
    if (id === undefined) search(res, url, entity);
    else lookup(res, entity, id, url);
  }

  const server = await listenLocal((req, res, url) => {
    if (url.pathname.startsWith('/ws/2/')) return webService(req, res, url);
    if (url.pathname === '/coverart' || url.pathname.startsWith('/coverart/')) {
      const fault = faults.take(`${url.pathname}${url.search}`);
      if (fault !== undefined) return serveFault(fault, res, () => ({ body: { error: 'Service unavailable' } }));
      return serveCoverArt(res, coverartUrl, url.pathname.slice('/coverart'.length), groups);
    }
    sendJson(res, 404, { error: 'Not Found' });
  });
  coverartUrl = `${server.url}/coverart`;

  const fake: FakeMusicbrainz = {
    url: server.url,
    apiUrl: `${server.url}/ws/2`,
    coverartUrl,
    releaseGroups: groups,
    findReleaseGroup(artist, title) {
      const same = (a: string, b: string): boolean => words(a).join(' ') === words(b).join(' ');
      return groups.find((g) => same(g.artist.name, artist) && same(g.title, title));
    },
    addAlbum(seed) {
      const group = buildReleaseGroup(seed);
      groups.push(group);
      return group;
    },
    recordings,
    addRecording(seed) {
      const recording = buildRecording(seed);
      recordings.push(recording);
      return recording;
    },
    setCoverArt(id, hasArt) {
      const group = groups.find((g) => g.id === id);
      const release = group?.releases[0] ?? groups.flatMap((g) => g.releases).find((r) => r.id === id);
      if (release === undefined) throw new Error(`unknown MBID ${id}`);
      release.hasCoverArt = hasArt;
    },
    minIntervalMs: options.minIntervalMs ?? 1000,
    faults,
    requests: server.log,
    close: () => server.close(),
  };
  return fake;
}
