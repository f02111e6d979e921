import { describe, expect, it } from 'vitest';
import { creditArtists, possibleArtists, primaryArtist } from '../../src/core/credits.js';

describe('artist credits', () => {
  it('splits at the separators that always join two artists', () => {
    expect(creditArtists('Daft Punk / Pharrell Williams')).toEqual(['Daft Punk', 'Pharrell Williams']);
    expect(creditArtists('Carly Rae Jepsen feat. Rufus Wainwright')).toEqual(['Carly Rae Jepsen', 'Rufus Wainwright']);
    expect(creditArtists('A Ft. B; C featuring D')).toEqual(['A', 'B', 'C', 'D']);
    expect(primaryArtist('Miles Davis / John Coltrane')).toBe('Miles Davis');
  });

  it('keeps names that contain "&", "and" or commas whole', () => {
    expect(creditArtists('Simon & Garfunkel')).toEqual(['Simon & Garfunkel']);
    expect(creditArtists('Earth, Wind & Fire')).toEqual(['Earth, Wind & Fire']);
    expect(creditArtists('AC/DC')).toEqual(['AC/DC']);
    expect(primaryArtist('  Nina Simone ')).toBe('Nina Simone');
  });

  it('offers the pieces a part might be made of, for the caller to check against known artists', () => {
    expect(possibleArtists('Simon & Garfunkel / Paul Simon')).toEqual([['Simon', 'Garfunkel'], ['Paul Simon']]);
    expect(possibleArtists('Crosby, Stills, Nash & Young')).toEqual([['Crosby', 'Stills', 'Nash', 'Young']]);
  });
});
