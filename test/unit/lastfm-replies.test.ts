// Last.fm's awkward replies, mapped and classified by pure functions.
import { describe, expect, it } from 'vitest';
import { AuthError, RetryLaterError, UserError } from '../../src/core/errors.js';
import { interpretLastfmReply } from '../../src/integrations/lastfm/failures.js';
import { toAlbumInfo, toProfile, toScrobblePage } from '../../src/integrations/lastfm/mapper.js';
import type { HttpResponse } from '../../src/integrations/http.js';

const reply = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({ url: 'http://127.0.0.1/2.0/', status, headers, body });

describe('interpretLastfmReply', () => {
  it.each([
    [200, '{"error":8,"message":"Operation failed"}', RetryLaterError],
    [200, '{"error":16,"message":"temporary"}', RetryLaterError],
    [429, '{"error":29,"message":"Rate Limit Exceeded"}', RetryLaterError],
    [503, '{"error":11,"message":"Service Offline"}', RetryLaterError],
    [500, '<html>500</html>', RetryLaterError],
    [200, '<html><title>502 Bad Gateway</title></html>', RetryLaterError],
    [404, '{"error":6,"message":"User not found"}', UserError],
    [403, '{"error":10,"message":"Invalid API key"}', AuthError],
    [403, '{"error":17,"message":"Login: User required to be logged in"}', AuthError],
    [403, '{"error":26,"message":"Suspended API key"}', AuthError],
  ] as const)('HTTP %i %s → %o', (status, body, kind) => {
    const verdict = interpretLastfmReply(reply(status, body), 'someone');
    expect('error' in verdict && verdict.error).toBeInstanceOf(kind);
  });

  it('uses Retry-After when Last.fm sends one, and passes a good body through', () => {
    const limited = interpretLastfmReply(reply(429, '{"error":29,"message":"x"}', { 'retry-after': '3' }), 'u');
    expect('error' in limited && (limited.error as RetryLaterError).retryAfterMs).toBe(3000);
    expect(interpretLastfmReply(reply(200, '{"user":{}}'), 'u')).toEqual({ body: { user: {} } });
  });
});

describe('toScrobblePage', () => {
  it('reads string numbers, drops the now-playing row, accepts a lone track object', () => {
    const page = toScrobblePage({
      recenttracks: {
        '@attr': { page: '2', totalPages: '7', total: '1301', perPage: '200', user: 'u' },
        track: [
          { '@attr': { nowplaying: 'true' }, artist: { '#text': 'Now' }, name: 'Playing', album: { '#text': '' } },
          { artist: { name: 'Ana Costa', mbid: '' }, name: 'Rain', album: { '#text': '' }, date: { uts: '1700000000', '#text': '14 Nov 2023, 22:13' }, loved: '1' },
        ],
      },
    });
    expect(page).toEqual({ page: 2, totalPages: 7, total: 1301, plays: [{ artist: 'Ana Costa', title: 'Rain', album: null, timestamp: 1_700_000_000, source: 'lastfm', loved: true, mbid: null }] });
    const lone = toScrobblePage({ recenttracks: { '@attr': { page: '1', totalPages: '1', total: '1' }, track: { artist: { '#text': 'A' }, name: 'T', album: { '#text': 'B' }, date: { uts: '5' } } } });
    expect(lone.plays).toEqual([expect.objectContaining({ artist: 'A', title: 'T', album: 'B', timestamp: 5, loved: false })]);
  });

  it('reads user.getInfo and album.getInfo, ignoring the grey-star placeholder', () => {
    expect(toProfile({ user: { name: 'u', playcount: '42', registered: { unixtime: '1262304000', '#text': 1262304000 } } })).toEqual({ name: 'u', playcount: 42, registeredAt: 1_262_304_000 });
    const info = toAlbumInfo({
      album: {
        name: 'Discovery', artist: 'Daft Punk', mbid: '',
        image: [{ size: 'small', '#text': 'https://x/34s/2a96cbd8b46e442fc41c2b86b821562f.png' }],
        tracks: { track: { name: 'One More Time', duration: '320', '@attr': { rank: '1' } } },
      },
    });
    expect(info).toEqual({ artist: 'Daft Punk', title: 'Discovery', mbid: null, coverUrl: null, tracks: [{ title: 'One More Time', durationSeconds: 320, position: 1 }] });
  });
});
