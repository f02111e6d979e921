import { describe, expect, it } from 'vitest';
import { albumKey, nameKey, stripDiscogsSuffix, trackIdentity } from '../../src/core/names.js';

describe('normalised name keys', () => {
  it.each([
    ['The Beatles', 'Beatles'],
    ['Beatles, The', 'the beatles'],
    ['Simon & Garfunkel', 'Simon and Garfunkel'],
    ['Björk', 'bjork'],
    ['Sigur Rós', 'SIGUR ROS'],
    ['Nirvana (2)', 'Nirvana'],
    ['AC/DC', 'AC DC'],
    ['  Miles   Davis ', 'miles davis'],
  ])('%s and %s are the same name', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ['Theatre of Tragedy', 'Atre of Tragedy'],
    ['Greatest Hits', 'Greatest Hits Vol. 2'],
    ['Nirvana', 'Nirvana UK'],
  ])('%s and %s stay different', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('identifies an album by title and album artist, never title alone', () => {
    expect(albumKey('Queen', 'Greatest Hits')).not.toEqual(albumKey('ABBA', 'Greatest Hits'));
    expect(albumKey('The Cure', 'Disintegration')).toEqual(albumKey('Cure', 'DISINTEGRATION'));
  });

  it('keeps the suffix only for Discogs identity', () => {
    expect(stripDiscogsSuffix('Nirvana (2)')).toBe('Nirvana');
    expect(stripDiscogsSuffix('Live (1995)')).toBe('Live (1995)'.replace(/\s+\(\d+\)$/, ''));
    expect(trackIdentity(3, null, 'Song')).toBe('3:0:song');
    expect(trackIdentity(3, 9, 'Song!')).toBe('3:9:song');
  });
});
