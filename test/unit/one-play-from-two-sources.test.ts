// The cross-source rule of core/listens/same-play.ts: which pairs of sources can hear one play,
// how far apart their starts may be, and when two artist credits name the same artist.
import { describe, expect, it } from 'vitest';
import { crossSourceWindow, isCrossSourceCopy, sameArtistCredit, WIDEST_WINDOW_SECONDS, widestWindowFor } from '../../src/core/listens/same-play.js';
import { LISTEN_SOURCES } from '../../src/core/model.js';

describe('the window of each pair of sources', () => {
  it('is 90 s between Spotify and a scrobbler, 10 minutes between Roon and a scrobbler, either way round', () => {
    expect(crossSourceWindow('spotify', 'lastfm')).toBe(90);
    expect(crossSourceWindow('lastfm', 'spotify')).toBe(90);
    expect(crossSourceWindow('spotify', 'listenbrainz')).toBe(90);
    expect(crossSourceWindow('roon', 'lastfm')).toBe(600);
    expect(crossSourceWindow('lastfm', 'roon')).toBe(600);
    expect(crossSourceWindow('maloja', 'roon')).toBe(600);
    expect(crossSourceWindow('lastfm', 'listenbrainz')).toBe(90);
    expect(crossSourceWindow('vinyl', 'lastfm')).toBe(600);
  });

  it('is none for sources that never hear the same play, and for one source', () => {
    expect(crossSourceWindow('spotify', 'roon')).toBeNull();
    expect(crossSourceWindow('vinyl', 'roon')).toBeNull();
    expect(crossSourceWindow('vinyl', 'cd')).toBeNull();
    expect(crossSourceWindow('lastfm', 'lastfm')).toBeNull();
  });

  it('is symmetric for every pair, and the widest is what the store searches', () => {
    for (const a of LISTEN_SOURCES) for (const b of LISTEN_SOURCES) expect(crossSourceWindow(a, b)).toBe(crossSourceWindow(b, a));
    expect(widestWindowFor('spotify')).toBe(90);
    expect(widestWindowFor('lastfm')).toBe(600);
    expect(Math.max(...LISTEN_SOURCES.map(widestWindowFor))).toBe(WIDEST_WINDOW_SECONDS);
  });
});

describe('artist credits for dedup', () => {
  it('Roon’s "A / B" and Last.fm’s "A" name the same artist; "A" and "C" do not', () => {
    expect(sameArtistCredit('Daft Punk / Pharrell Williams', 'Daft Punk')).toBe(true);
    expect(sameArtistCredit('Daft Punk', 'Daft Punk / Pharrell Williams')).toBe(true);
    expect(sameArtistCredit('Daft Punk', 'Justice')).toBe(false);
  });

  it('compares by name key, by primary artist, and by one credit holding the other whole', () => {
    expect(sameArtistCredit('BJÖRK', 'Björk')).toBe(true);
    expect(sameArtistCredit('Carly Rae Jepsen feat. Rufus Wainwright', 'Carly Rae Jepsen / Someone Else')).toBe(true);
    expect(sameArtistCredit('Miles Davis / John Coltrane', 'John Coltrane')).toBe(true);
  });

  it('never splits at separators that belong to names', () => {
    expect(sameArtistCredit('Simon & Garfunkel', 'Simon')).toBe(false);
    expect(sameArtistCredit('Earth, Wind & Fire', 'Earth')).toBe(false);
  });
});

describe('a copy from another source', () => {
  const T = 1_750_000_000;
  it('is the same artist within the pair’s window, and not a second further', () => {
    const stream = { source: 'spotify' as const, timestamp: T, artist: 'Nubya Garcia' };
    expect(isCrossSourceCopy({ source: 'lastfm', timestamp: T + 90, artist: 'Nubya Garcia' }, stream)).toBe(true);
    expect(isCrossSourceCopy({ source: 'lastfm', timestamp: T - 91, artist: 'Nubya Garcia' }, stream)).toBe(false);
    expect(isCrossSourceCopy({ source: 'lastfm', timestamp: T, artist: 'Shabaka' }, stream)).toBe(false);
    expect(isCrossSourceCopy({ source: 'spotify', timestamp: T, artist: 'Nubya Garcia' }, stream)).toBe(false);
    expect(isCrossSourceCopy({ source: 'roon', timestamp: T + 300, artist: 'Nubya Garcia / Joe Armon-Jones' }, { source: 'lastfm', timestamp: T, artist: 'Nubya Garcia' })).toBe(true);
  });
});
