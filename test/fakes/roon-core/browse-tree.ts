// The browse hierarchies over the fake library (roon-api.md §4): Explore › Library ›
// Artists/Albums/Tracks/Search, My Live Radio; entities open on a "Play …" action list
// ("Play Now", "Add Next", "Queue", "Start Radio") whose actions change a zone's queue.
import type { IndexedAlbum, IndexedArtist, LibraryIndex } from './library.js';
import type { FakeTrack } from './types.js';
import type { ZoneStore } from './zone-store.js';

export type ItemHint = 'action' | 'action_list' | 'list' | 'header' | null;

export interface BrowseNode {
  title: string;
  subtitle?: string | null;
  image_key?: string | null;
  hint: ItemHint;
  input_prompt?: { prompt: string; action: string };
  /** The level this node opens; `input` is the text typed into an input prompt. */
  children?: (input: string | undefined) => BrowseNode[];
  /** For `hint:"action"`: what selecting it with a zone does. */
  perform?: (zoneId: string) => void;
}

export const HIERARCHIES = [
  'browse',
  'playlists',
  'settings',
  'internet_radio',
  'albums',
  'artists',
  'genres',
  'composers',
  'search',
] as const;
export type Hierarchy = (typeof HIERARCHIES)[number];

export function createBrowseRoots(library: LibraryIndex, store: ZoneStore): Record<Hierarchy, BrowseNode> {
  const action = (title: string, perform: (zoneId: string) => void): BrowseNode => ({ title, hint: 'action', perform });

  const playActions = (tracks: () => FakeTrack[]): BrowseNode[] => [
    action('Play Now', (z) => store.playNow(z, tracks())),
    action('Add Next', (z) => store.enqueue(z, tracks(), 'next')),
    action('Queue', (z) => store.enqueue(z, tracks(), 'end')),
    action('Start Radio', (z) => store.playNow(z, tracks(), true)),
  ];

  const trackNode = (track: FakeTrack, title = track.title): BrowseNode => ({
    title,
    subtitle: track.artist,
    image_key: track.image_key ?? null,
    hint: 'action_list',
    children: () => playActions(() => [track]),
  });

  const albumNode = (album: IndexedAlbum): BrowseNode => ({
    title: album.title,
    subtitle: album.artist,
    image_key: album.image_key,
    hint: 'list',
    children: () => [
      {
        title: 'Play Album',
        image_key: album.image_key,
        hint: 'action_list',
        children: () => playActions(() => album.tracks),
      },
      // Roon numbers the tracks of an album view: "1. Come Together".
      ...album.tracks.map((t, i) => trackNode(t, `${i + 1}. ${t.title}`)),
    ],
  });

  const artistNode = (artist: IndexedArtist): BrowseNode => {
    const all = (): FakeTrack[] => artist.albums.flatMap((a) => a.tracks);
    return {
      title: artist.name,
      subtitle: `${artist.albums.length} ${artist.albums.length === 1 ? 'Album' : 'Albums'}`,
      image_key: artist.image_key,
      hint: 'list',
      children: () => [
        {
          title: 'Play Artist',
          image_key: artist.image_key,
          hint: 'action_list',
          children: () => [
            action('Shuffle', (z) => store.playNow(z, shuffled(all()))),
            action('Start Radio', (z) => store.playNow(z, all(), true)),
          ],
        },
        ...artist.albums.map(albumNode),
      ],
    };
  };

  const list = (title: string, children: () => BrowseNode[], subtitle?: string): BrowseNode => ({
    title,
    subtitle: subtitle ?? null,
    hint: 'list',
    children,
  });

  const artists = list('Artists', () => library.artists.map(artistNode));
  const albums = list('Albums', () => library.albums.map(albumNode));
  const tracks = list('Tracks', () => library.tracks.map((t) => trackNode(t)));
  const radio = list('My Live Radio', () =>
    library.radioStations.map((station) => ({
      title: station,
      image_key: library.stationImageKey(station),
      hint: 'action' as const,
      perform: (z: string) => store.setRadio(z, station),
    })),
  );

  const searchResults = (input: string | undefined): BrowseNode[] => {
    const hits = library.search(input ?? '');
    const categories: BrowseNode[] = [];
    if (hits.artists.length) categories.push(list('Artists', () => hits.artists.map(artistNode)));
    if (hits.albums.length) categories.push(list('Albums', () => hits.albums.map(albumNode)));
    if (hits.tracks.length) categories.push(list('Tracks', () => hits.tracks.map((t) => trackNode(t))));
    return categories.length > 0 ? categories : [{ title: 'No Results', hint: null }];
  };
  const search: BrowseNode = {
    title: 'Search',
    hint: 'list',
    input_prompt: { prompt: 'Search', action: 'Go' },
    children: searchResults,
  };

  const libraryNode = list('Library', () => [search, artists, albums, tracks]);
  const empty = (title: string): BrowseNode => list(title, () => []);
  return {
    browse: list('Explore', () => [libraryNode, radio, empty('Playlists'), empty('Genres'), empty('Settings')]),
    playlists: empty('Playlists'),
    settings: empty('Settings'),
    internet_radio: radio,
    albums,
    artists,
    genres: empty('Genres'),
    composers: empty('Composers'),
    search,
  };
}

/** Deterministic, so tests can predict the order: every other track, then the rest. */
function shuffled(tracks: FakeTrack[]): FakeTrack[] {
  return [...tracks.filter((_, i) => i % 2 === 1), ...tracks.filter((_, i) => i % 2 === 0)];
}
