import { describe, expect, it } from 'vitest';
import { countedArtists, mayCountOtherwise, type CreditRules } from '../../src/core/aliases/counted-artists.js';
import { nameKey } from '../../src/core/names.js';

/** Rules over a library holding `artists` and these aliases (alias name → canonical). */
function rules(artists: string[], aliases: Record<string, string> = {}): CreditRules {
  const known = new Set(artists.map(nameKey));
  return { key: nameKey, aliases: new Map(Object.entries(aliases).map(([name, canonical]) => [nameKey(name), canonical])), isArtist: (key) => known.has(key) };
}

const names = (credit: string, given: CreditRules) => countedArtists(credit, given).map((artist) => artist.name);

describe('the artists a credit counts for', () => {
  it('"A / B" and "A feat. B" count for each artist, in credit order', () => {
    expect(names('Daft Punk / Pharrell Williams', rules([]))).toEqual(['Daft Punk', 'Pharrell Williams']);
    expect(names('Carly Rae Jepsen feat. Rufus Wainwright', rules([]))).toEqual(['Carly Rae Jepsen', 'Rufus Wainwright']);
    expect(names('A / B feat. A', rules([]))).toEqual(['A', 'B']);
    expect(names('AC/DC', rules([]))).toEqual(['AC/DC']);
  });

  it('"Simon & Garfunkel" stays one artist unless both are artists of their own', () => {
    expect(names('Simon & Garfunkel', rules(['Simon & Garfunkel', 'Paul Simon']))).toEqual(['Simon & Garfunkel']);
    expect(names('Earth, Wind & Fire', rules(['Earth', 'Fire']))).toEqual(['Earth, Wind & Fire']);
    expect(names('Simon & Garfunkel', rules(['Simon', 'Garfunkel']))).toEqual(['Simon', 'Garfunkel']);
    expect(names('Nils Frahm and Ólafur Arnalds', rules(['Nils Frahm', 'Olafur Arnalds']))).toEqual(['Nils Frahm', 'Ólafur Arnalds']);
  });

  it('an alias counts for its canonical artist, through chains, and may say a credit splits', () => {
    expect(names('Prinz', rules([], { Prinz: 'Prince' }))).toEqual(['Prince']);
    expect(names('TAFKAP', rules([], { TAFKAP: 'Prinz', Prinz: 'Prince' }))).toEqual(['Prince']);
    expect(names('Beatles / Stones', rules([], { Beatles: 'The Beatles', Stones: 'The Rolling Stones' }))).toEqual(['The Beatles', 'The Rolling Stones']);
    expect(names('Simon & Garfunkel', rules([], { 'Simon & Garfunkel': 'Paul Simon / Art Garfunkel' }))).toEqual(['Paul Simon', 'Art Garfunkel']);
    // A piece named by an alias is an artist of its own: "&" splits.
    expect(names('Sade & Prinz', rules(['Sade'], { Prinz: 'Prince' }))).toEqual(['Sade', 'Prince']);
  });

  it('follows a cycle stored by an older version once, without looping', () => {
    expect(names('A', rules([], { A: 'B', B: 'A' }))).toEqual(['A']);
  });

  it('only names with a separator or an alias can count otherwise (the cheap test before the full one)', () => {
    expect(mayCountOtherwise('Radiohead', false)).toBe(false);
    expect(mayCountOtherwise('Radiohead', true)).toBe(true);
    for (const credit of ['A / B', 'A feat. B', 'A & B', 'A, B', 'A and B', 'A x B', 'A vs. B', 'A with B', 'A; B']) expect([credit, mayCountOtherwise(credit, false)]).toEqual([credit, true]);
  });
});
