// Response bodies for the Discogs routes other than the collection listing.
import { discogsDate, type DiscogsCollectionItem } from './collection.js';
import { seededRandom } from './http-kit.js';
import type { DiscogsTrack } from './tracklists.js';

export interface DiscogsReleaseDetail {
  id: number;
  status: string;
  year: number;
  resource_url: string;
  uri: string;
  artists: DiscogsCollectionItem['basic_information']['artists'];
  artists_sort: string;
  labels: DiscogsCollectionItem['basic_information']['labels'];
  series: unknown[];
  companies: unknown[];
  formats: DiscogsCollectionItem['basic_information']['formats'];
  data_quality: string;
  community: {
    have: number;
    want: number;
    rating: { count: number; average: number };
    submitter: { username: string; resource_url: string };
    data_quality: string;
    status: string;
  };
  format_quantity: number;
  date_added: string;
  date_changed: string;
  num_for_sale: number;
  lowest_price: number | null;
  master_id: number;
  master_url: string | null;
  title: string;
  country: string;
  released: string;
  notes: string;
  released_formatted: string;
  identifiers: { type: string; value: string; description?: string }[];
  genres: string[];
  styles: string[];
  tracklist: DiscogsTrack[];
  extraartists: unknown[];
  images: { type: string; uri: string; resource_url: string; uri150: string; width: number; height: number }[];
  thumb: string;
  estimated_weight: number;
  blocked_from_sale: boolean;
}

const COUNTRIES = ['US', 'UK', 'Germany', 'France', 'Japan', 'Europe', 'Netherlands'];

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The release as GET /releases/{id} shows it; `tracklist` is the generated one unless a test set its own. */
export function releaseDetail(baseUrl: string, item: DiscogsCollectionItem, tracklist: DiscogsTrack[]): DiscogsReleaseDetail {
  const info = item.basic_information;
  const rnd = seededRandom(info.id);
  const vinyl = info.formats.some((f) => f.name === 'Vinyl');
  const images = info.cover_image === ''
    ? []
    : [
        { type: 'primary', uri: info.cover_image, resource_url: info.cover_image, uri150: info.thumb, width: 600, height: 600 },
        { type: 'secondary', uri: info.cover_image.replace('/R-', '/R-back-'), resource_url: info.cover_image, uri150: info.thumb, width: 600, height: 600 },
      ];
  const released = info.year === 0 ? '' : `${info.year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}`;
  const artistsSort = info.artists.map((a) => `${a.anv || a.name}${a.join ? ` ${a.join} ` : ''}`).join('').trim();
  const forSale = Math.floor(rnd() * 40);
  return {
    id: info.id,
    status: 'Accepted',
    year: info.year,
    resource_url: info.resource_url,
    uri: `https://www.discogs.com/release/${info.id}-${slug(`${artistsSort} ${info.title}`)}`,
    artists: info.artists,
    artists_sort: artistsSort,
    labels: info.labels,
    series: [],
    companies: [],
    formats: info.formats,
    data_quality: 'Needs Vote',
    community: {
      have: 50 + Math.floor(rnd() * 5000),
      want: Math.floor(rnd() * 3000),
      rating: { count: Math.floor(rnd() * 400), average: Math.round((3 + rnd() * 2) * 100) / 100 },
      submitter: { username: 'fake-submitter', resource_url: `${baseUrl}/users/fake-submitter` },
      data_quality: 'Needs Vote',
      status: 'Accepted',
    },
    format_quantity: info.formats.reduce((sum, f) => sum + Number(f.qty), 0),
    date_added: discogsDate(Date.UTC(2012, 0, 1) + (info.id % 1000) * 86_400_000),
    date_changed: discogsDate(Date.UTC(2023, 0, 1) + (info.id % 500) * 86_400_000),
    num_for_sale: forSale,
    lowest_price: forSale === 0 ? null : Math.round((5 + rnd() * 60) * 100) / 100,
    master_id: info.master_id,
    master_url: info.master_url,
    title: info.title,
    country: COUNTRIES[info.id % COUNTRIES.length]!,
    released,
    notes: rnd() < 0.5 ? '' : 'Comes with a printed inner sleeve.',
    released_formatted: released === '' ? '' : new Date(`${released}T00:00:00Z`).toUTCString().slice(5, 16),
    identifiers: rnd() < 0.7 ? [{ type: 'Barcode', value: String(5_000_000_000_000 + info.id * 7919) }] : [],
    genres: info.genres,
    styles: info.styles,
    tracklist,
    extraartists: [],
    images,
    thumb: info.thumb,
    estimated_weight: vinyl ? 230 : 100,
    blocked_from_sale: false,
  };
}

export function userProfile(baseUrl: string, username: string, collection: readonly DiscogsCollectionItem[]): Record<string, unknown> {
  return {
    id: 4_242_424,
    resource_url: `${baseUrl}/users/${username}`,
    uri: `https://www.discogs.com/user/${username}`,
    username,
    name: 'AIME Tester',
    home_page: '',
    location: 'Lausanne',
    profile: '',
    registered: '2014-03-02T09:12:44-08:00',
    rank: 12,
    num_pending: 0,
    num_for_sale: 0,
    num_lists: 0,
    releases_contributed: 0,
    releases_rated: collection.filter((it) => it.rating > 0).length,
    rating_avg: 4.1,
    inventory_url: `${baseUrl}/users/${username}/inventory`,
    collection_folders_url: `${baseUrl}/users/${username}/collection/folders`,
    collection_fields_url: `${baseUrl}/users/${username}/collection/fields`,
    wantlist_url: `${baseUrl}/users/${username}/wants`,
    avatar_url: `${baseUrl}/images/avatar-${username}.png`,
    curr_abbr: 'CHF',
    activated: true,
    marketplace_suspended: false,
    num_collection: collection.length,
    num_wantlist: 17,
    email: `${username}@example.invalid`,
    is_staff: false,
  };
}
