import { describe, expect, it } from 'vitest';
import { albumArtistName, filmTitleOf, isSoundtrack, supportOf } from '../../src/core/collection/support.js';
import { pickMatch, type AlbumCandidate } from '../../src/core/enrichment/match.js';
import { DiscogsPacer } from '../../src/integrations/discogs/pacer.js';

const format = (name: string, ...descriptions: string[]) => ({ name, qty: 1, descriptions });

describe('supports', () => {
  it('normalises Discogs formats, looking at every format of a release', () => {
    expect(supportOf([format('Vinyl', 'LP', 'Album')])).toBe('vinyl');
    expect(supportOf([format('Vinyl', '7"', '45 RPM')])).toBe('vinyl');
    expect(supportOf([format('CD', 'Album')])).toBe('cd');
    expect(supportOf([format('Box Set'), format('CD', 'Album'), format('Vinyl', 'LP')])).toBe('vinyl');
    expect(supportOf([format('Cassette', 'Album')])).toBe('cassette');
    expect(supportOf([format('File', 'FLAC', 'Album')])).toBe('digital');
    expect(supportOf([format('DVD', 'PAL')])).toBe('other');
  });

  it('marks soundtracks and keeps the film title', () => {
    expect(isSoundtrack(['Stage & Screen'], ['Score'], 'Heat')).toBe(true);
    expect(isSoundtrack(['Electronic'], ['Soundtrack'], 'Blade Runner')).toBe(true);
    expect(isSoundtrack(['Rock'], ['Indie Rock'], 'Silent Rivers')).toBe(false);
    expect(filmTitleOf('Blue Horizons (Original Motion Picture Soundtrack)')).toBe('Blue Horizons');
    expect(filmTitleOf('Blue Horizons')).toBeNull();
  });

  it('joins credited artists the way the credits read', () => {
    expect(albumArtistName([{ name: 'Mara Quist', discogsId: 1, join: '&' }, { name: 'DJ Sable', discogsId: 2, join: '' }])).toBe('Mara Quist & DJ Sable');
    expect(albumArtistName([{ name: 'Nina Ko', discogsId: 3, join: 'Featuring' }, { name: 'Kid Cobalt', discogsId: 4, join: '' }])).toBe('Nina Ko Featuring Kid Cobalt');
  });
});

describe('verified matches', () => {
  const candidate = (title: string, artists: string[], extra: Partial<AlbumCandidate> = {}): AlbumCandidate => ({
    id: `${artists.join('+')}:${title}`, title, artists, year: null, primary: true, url: '', coverUrl: null, ...extra,
  });

  it('prefers the exact title over an edition, and an edition over nothing', () => {
    const album = { title: 'Nevermind', artist: 'Nirvana', year: 1991 };
    const deluxe = candidate('Nevermind (Deluxe Edition)', ['Nirvana']);
    const exact = candidate('Nevermind', ['Nirvana'], { year: 1991 });
    expect(pickMatch(album, [deluxe, candidate('Nevermind', ['Pale Horizon']), exact])).toBe(exact);
    expect(pickMatch(album, [deluxe])).toBe(deluxe);
  });

  it('refuses live records, other artists and singles named like the album', () => {
    const album = { title: 'Rumours', artist: 'Fleetwood Mac', year: null };
    expect(pickMatch(album, [candidate('Rumours Live', ['Fleetwood Mac']), candidate('Rumours', ['Lila Grant'])])).toBeUndefined();
    expect(pickMatch({ title: 'Kind of Blue', artist: 'Miles Davis & John Coltrane', year: null }, [candidate('Kind of Blue', ['Miles Davis', 'John Coltrane'])])).toBeDefined();
    expect(pickMatch({ title: 'Pulp Fiction', artist: 'Various', year: null }, [candidate('Pulp Fiction', ['Various Artists'])])).toBeDefined();
  });
});

describe('Discogs pacing', () => {
  const reply = (limit: number, remaining: number, status = 200) => ({
    url: 'http://discogs.test/', status, body: '{}',
    headers: { 'x-discogs-ratelimit': String(limit), 'x-discogs-ratelimit-remaining': String(remaining) },
  });

  it('goes at once while the window has room, and waits for the oldest hit to leave when it is full', async () => {
    const pacer = new DiscogsPacer(1000);
    expect(pacer.delay(Date.now())).toBe(0);
    for (let remaining = 4; remaining >= 1; remaining -= 1) {
      await pacer.wait();
      pacer.observe(reply(5, remaining));
    }
    const wait = pacer.delay(Date.now());
    expect(wait).toBeGreaterThan(800);
    expect(wait).toBeLessThanOrEqual(1000);
  });

  it('counts hits it did not make (another run) as made just now', () => {
    const pacer = new DiscogsPacer(60_000);
    pacer.observe(reply(60, 0, 429));
    expect(pacer.delay(Date.now())).toBeGreaterThan(59_000);
  });
});
