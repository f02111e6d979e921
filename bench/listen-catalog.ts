import { nameKey } from '../src/core/names.js';

/**
 * The invented catalogue behind the generated listening database: artists with albums of
 * tracks, every name unique under its normalised key (the unique indexes demand it), a few
 * album-less singles, some durations unknown, and some albums that only sit on the shelf.
 */
export interface GeneratedTrack {
  readonly id: number;
  readonly albumId: number | null;
  readonly artistId: number;
  readonly title: string;
  readonly trackNumber: number | null;
  readonly durationSeconds: number | null;
}

export interface GeneratedAlbum {
  readonly id: number;
  readonly title: string;
  readonly artistId: number;
  readonly year: number;
  /** Never picked for plays: the records bought and not yet heard. */
  readonly shelfOnly: boolean;
  readonly tracks: GeneratedTrack[];
}

export interface GeneratedArtist {
  readonly id: number;
  readonly name: string;
  readonly albums: GeneratedAlbum[];
  readonly singles: GeneratedTrack[];
}

const ADJECTIVES = [
  'Velvet', 'Silent', 'Electric', 'Golden', 'Hollow', 'Crimson', 'Paper', 'Neon', 'Wild', 'Lunar',
  'Broken', 'Northern', 'Glass', 'Midnight', 'Amber', 'Distant', 'Quiet', 'Restless', 'Frozen', 'Blue',
  'Secret', 'Burning', 'Gentle', 'Iron', 'Scarlet', 'Fading', 'Wandering', 'Sweet', 'Strange', 'Noir',
];
const NOUNS = [
  'Tides', 'Foxes', 'Mirrors', 'Lanterns', 'Rivers', 'Sparrows', 'Engines', 'Echoes', 'Harbors', 'Pilots',
  'Wolves', 'Comets', 'Gardens', 'Ghosts', 'Signals', 'Shadows', 'Horses', 'Islands', 'Machines', 'Canyons',
  'Orchids', 'Towers', 'Strangers', 'Satellites', 'Thieves', 'Monarchs', 'Owls', 'Waves', 'Saints', 'Birds',
];
const WORDS = [
  'Love', 'Night', 'Summer', 'Rain', 'Heart', 'Light', 'Dream', 'City', 'Road', 'Fire',
  'Ocean', 'Morning', 'Winter', 'Song', 'Home', 'Stars', 'Shadow', 'Time', 'Blood', 'Gold',
  'Été', 'Cœur', 'Nuit', 'Rêve', 'Mañana', 'Café', 'Déjà Vu', 'Señorita', 'Fräulein', 'Naïve',
];

/** Makes a name unique under nameKey by numbering repeats ("Golden Owls 2"). */
function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(nameKey(name)); n++) name = `${base} ${n}`;
  taken.add(nameKey(name));
  return name;
}

export function buildListenCatalog(artistCount: number, random: () => number): GeneratedArtist[] {
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const word = (): string => WORDS[Math.floor(random() * WORDS.length)]!;
  const duration = (): number | null => (random() < 0.08 ? null : int(120, 420));
  const artistKeys = new Set<string>();
  const artists: GeneratedArtist[] = [];
  let albumId = 0;
  let trackId = 0;
  for (let a = 0; a < artistCount; a++) {
    const base = `${a % 7 === 3 ? 'The ' : ''}${ADJECTIVES[a % ADJECTIVES.length]} ${NOUNS[Math.floor(a / ADJECTIVES.length) % NOUNS.length]}`;
    const artist: GeneratedArtist = { id: a + 1, name: uniqueName(base, artistKeys), albums: [], singles: [] };
    const albumKeys = new Set<string>();
    const albumCount = int(1, 7);
    for (let b = 0; b < albumCount; b++) {
      const title = uniqueName(b % 3 === 0 ? `${word()} & ${word()}` : `${word()} of ${word()}`, albumKeys);
      const album: GeneratedAlbum = {
        id: ++albumId, title, artistId: artist.id, year: int(1965, 2025),
        shelfOnly: albumCount > 1 && b === albumCount - 1 && a % 9 === 4, tracks: [],
      };
      const trackKeys = new Set<string>();
      const trackCount = int(6, 14);
      for (let t = 0; t < trackCount; t++) {
        album.tracks.push({ id: ++trackId, albumId: album.id, artistId: artist.id, title: uniqueName(`${word()} ${word()}`, trackKeys), trackNumber: t + 1, durationSeconds: duration() });
      }
      artist.albums.push(album);
    }
    if (random() < 0.3) {
      const singleKeys = new Set<string>();
      for (let s = int(1, 3); s > 0; s--) {
        artist.singles.push({ id: ++trackId, albumId: null, artistId: artist.id, title: uniqueName(`${word()} (Radio Edit)`, singleKeys), trackNumber: null, durationSeconds: duration() });
      }
    }
    artists.push(artist);
  }
  return artists;
}
