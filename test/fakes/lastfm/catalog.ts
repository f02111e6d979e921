// A deterministic, invented music catalogue with the traps real libraries have: names with
// accents, "The " and "&" spelled two ways by different scrobblers, two different artists
// with an album called "Greatest Hits", a track title shared by many albums, singles.
import { seededRandom } from './fault-plan.js';

export interface CatalogTrack {
  readonly title: string;
  readonly durationSec: number;
  readonly mbid: string;
}

export interface CatalogAlbum {
  readonly title: string;
  readonly mbid: string;
  readonly tracks: readonly CatalogTrack[];
}

export interface CatalogArtist {
  readonly name: string;
  readonly mbid: string;
  readonly albums: readonly CatalogAlbum[];
  /** Tracks scrobbled without an album (singles, radio edits). */
  readonly singles: readonly CatalogTrack[];
  /** Set on an artist that is another spelling of an existing one. */
  readonly variantOf?: string;
}

const ADJECTIVES = [
  'Velvet', 'Silent', 'Electric', 'Golden', 'Hollow', 'Crimson', 'Paper', 'Neon', 'Wild', 'Lunar',
  'Broken', 'Northern', 'Glass', 'Midnight', 'Amber', 'Distant', 'Quiet', 'Restless', 'Frozen', 'Blue',
  'Secret', 'Burning', 'Gentle', 'Iron', 'Scarlet', 'Fading', 'Wandering', 'Lost', 'Sweet', 'Strange',
];
const NOUNS = [
  'Tides', 'Foxes', 'Mirrors', 'Lanterns', 'Rivers', 'Sparrows', 'Engines', 'Echoes', 'Harbors', 'Pilots',
  'Wolves', 'Comets', 'Gardens', 'Ghosts', 'Signals', 'Shadows', 'Horses', 'Islands', 'Machines', 'Canyons',
  'Orchids', 'Towers', 'Strangers', 'Satellites', 'Thieves', 'Monarchs', 'Owls', 'Waves', 'Saints', 'Birds',
];
const SINGULAR = [
  'Moss', 'Salt', 'Smoke', 'Honey', 'Thunder', 'Rust', 'Copper', 'Velvet', 'Ash', 'Silk',
  'Stone', 'Fire', 'Frost', 'Cedar', 'Ivory', 'Marble', 'Pepper', 'Clover', 'Ember', 'Dust',
];
const FIRST_NAMES = [
  'Élodie', 'Zoë', 'José', 'Björn', 'Anaïs', 'Søren', 'François', 'Chloé', 'Renée', 'Joël',
  'Agnès', 'Hélène', 'Łukasz', 'Ingrid', 'Marco', 'Nina', 'Tomás', 'Ana', 'Yann', 'Lea',
  'Oscar', 'Mila', 'Jonas', 'Clara', 'Felix', 'Iris', 'Hugo', 'Maya', 'Emil', 'Ruth',
];
const LAST_NAMES = [
  'Marchand', 'Müller', 'Núñez', 'Lindqvist', 'Dubois', 'Čapek', 'Moreau', 'Østergaard', 'Bianchi', 'Weiß',
  'Fontaine', 'Kowalski', 'Ferreira', 'Haddad', 'Novak', 'Laurent', 'Berg', 'Costa', 'Reyes', 'Okafor',
];
const TITLE_WORDS = [
  'Love', 'Night', 'Summer', 'Rain', 'Heart', 'Light', 'Dream', 'City', 'Road', 'Fire',
  'Ocean', 'Morning', 'Winter', 'Song', 'Home', 'Stars', 'Shadow', 'Time', 'Blood', 'Gold',
  'Été', 'Cœur', 'Nuit', 'Rêve', 'Mañana', 'Café', 'Déjà Vu', 'Señorita', 'Fräulein', 'Naïve',
];
const TITLE_FORMS: ReadonlyArray<(a: string, b: string, adj: string) => string> = [
  (a) => a,
  (a, b) => `${a} & ${b}`,
  (a, b) => `${a} of ${b}`,
  (a, _b, adj) => `${adj} ${a}`,
  (a) => `The ${a}`,
  (a) => `${a} (Live)`,
  (a, b) => `${a}, ${b} and Me`,
  (a) => `${a} - Remastered 2011`,
  (a) => `Don't Forget the ${a}`,
];

function makeMbid(rand: () => number): string {
  const hex = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rand() * 4)]}${hex(3)}-${hex(12)}`;
}

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace('ø', 'o').replace('Ø', 'O').replace('ß', 'ss');
}

export function buildCatalog(artistCount: number, seed: number): CatalogArtist[] {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
  const maybeMbid = (chance: number): string => (rand() < chance ? makeMbid(rand) : '');

  const names = new Set<string>();
  const artistName = (): string => {
    for (;;) {
      const roll = rand();
      const name =
        roll < 0.25 ? `The ${pick(ADJECTIVES)} ${pick(NOUNS)}`
        : roll < 0.45 ? `${pick(ADJECTIVES)} ${pick(NOUNS)}`
        : roll < 0.75 ? `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`
        : roll < 0.87 ? `${pick(SINGULAR)} & the ${pick(NOUNS)}`
        : `${pick(SINGULAR)} & ${pick(SINGULAR)}`;
      if (!names.has(name.toLowerCase())) {
        names.add(name.toLowerCase());
        return name;
      }
    }
  };
  const title = (): string => pick(TITLE_FORMS)(pick(TITLE_WORDS), pick(TITLE_WORDS), pick(ADJECTIVES));
  const track = (name: string): CatalogTrack => ({ title: name, durationSec: int(95, 480), mbid: maybeMbid(0.5) });
  const album = (albumTitle: string): CatalogAlbum => {
    const used = new Set<string>();
    const tracks: CatalogTrack[] = [];
    const size = int(4, 14);
    while (tracks.length < size) {
      // "Intro" opens many albums: the same title by many artists and on many albums.
      const t = tracks.length === 0 && rand() < 0.15 ? 'Intro' : title();
      if (used.has(t.toLowerCase())) continue;
      used.add(t.toLowerCase());
      tracks.push(track(t));
    }
    return { title: albumTitle, mbid: maybeMbid(0.6), tracks };
  };

  const artists: CatalogArtist[] = [];
  for (let i = 0; i < artistCount; i++) {
    const name = artistName();
    const albumCount = rand() < 0.35 ? 1 : int(2, 6);
    const albums: CatalogAlbum[] = [];
    const albumTitles = new Set<string>();
    while (albums.length < albumCount) {
      const t = rand() < 0.08 ? name : title(); // self-titled albums
      if (albumTitles.has(t.toLowerCase())) continue;
      albumTitles.add(t.toLowerCase());
      albums.push(album(t));
    }
    const singles = Array.from({ length: int(0, 3) }, () => track(`${title()} (Single Version)`));
    artists.push({ name, mbid: maybeMbid(0.7), albums, singles });
  }

  addTraps(artists, album);
  return artists;
}

/** Plants the cases a careless importer merges or splits wrongly. */
function addTraps(artists: CatalogArtist[], album: (title: string) => CatalogAlbum): void {
  // Two different artists, each with an album titled exactly "Greatest Hits".
  for (const index of [0, Math.min(1, artists.length - 1)]) {
    const a = artists[index];
    if (a && !a.albums.some((x) => x.title === 'Greatest Hits')) {
      artists[index] = { ...a, albums: [...a.albums, album('Greatest Hits')] };
    }
  }
  // Another scrobbler spelled the same artist differently; the albums are the same records.
  const variant = (test: (name: string) => boolean, rename: (name: string) => string): void => {
    const original = artists.find((a) => test(a.name));
    const first = original?.albums[0];
    if (!original || !first) return;
    const name = rename(original.name);
    if (name === original.name || artists.some((a) => a.name.toLowerCase() === name.toLowerCase())) return;
    artists.push({ name, mbid: '', albums: [first], singles: [], variantOf: original.name });
  };
  variant((n) => n.startsWith('The '), (n) => n.slice(4));
  variant((n) => n.includes(' & '), (n) => n.replace(' & ', ' and '));
  variant((n) => stripAccents(n) !== n, stripAccents);
}
