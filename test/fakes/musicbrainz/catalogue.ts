// Release groups and releases the fake MusicBrainz knows, and their WS/2 JSON shapes.
// Each group has an original release (with cover art unless told otherwise) and usually a
// reissue without art, so Cover Art Archive release-group fallbacks can be exercised.
import { hashKey, seededRandom } from '../discogs/http-kit.js';

export interface MbAlbumSeed {
  artist: string;
  title: string;
  /** First release date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  primaryType?: 'Album' | 'Single' | 'EP' | 'Broadcast' | 'Other';
  secondaryTypes?: string[];
  /** Cover art on the original release (default true). */
  coverArt?: boolean;
  barcode?: string;
  catno?: string;
  label?: string;
  format?: string;
  /** Add a later reissue (no art) to the group; default true. */
  reissue?: boolean;
  artistDisambiguation?: string;
}

export interface MbRelease {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly country: string;
  readonly barcode: string;
  readonly catno: string;
  readonly label: string;
  readonly format: string;
  readonly trackCount: number;
  hasCoverArt: boolean;
}

export interface MbReleaseGroup {
  readonly id: string;
  readonly title: string;
  readonly artist: { readonly id: string; readonly name: string; readonly sortName: string; readonly disambiguation: string };
  readonly primaryType: string;
  readonly secondaryTypes: readonly string[];
  readonly firstReleaseDate: string;
  readonly releases: readonly MbRelease[];
}

export const DEFAULT_MB_CATALOGUE: readonly MbAlbumSeed[] = [
  { artist: 'Miles Davis', title: 'Kind of Blue', date: '1959-08-17', barcode: '074646793524', catno: 'CL 1355', label: 'Columbia', format: '12" Vinyl' },
  { artist: 'Nirvana', title: 'Nevermind', date: '1991-09-24', barcode: '720642442524', catno: 'DGCD-24425', label: 'DGC', format: 'CD', artistDisambiguation: '90s US grunge band' },
  { artist: 'Nirvana', title: 'Nevermind', date: '1969', secondaryTypes: ['Compilation'], label: 'Pye', catno: 'NPL 18217', artistDisambiguation: '60s band from the UK', coverArt: false },
  { artist: 'Fleetwood Mac', title: 'Rumours', date: '1977-02-04', barcode: '075992731324', catno: 'BSK 3010', label: 'Warner Bros. Records' },
  { artist: 'Fleetwood Mac', title: 'Rumours Live', date: '2023-09-08', secondaryTypes: ['Live'], reissue: false },
  { artist: 'Radiohead', title: 'OK Computer', date: '1997-05-21', barcode: '724385522925', catno: 'NODATA 02', label: 'Parlophone', format: 'CD' },
  { artist: 'Björk', title: 'Homogenic', date: '1997-09-22', catno: 'TPLP 71', label: 'One Little Indian' },
  { artist: 'Daft Punk', title: 'Discovery', date: '2001-03-12', catno: 'V2940', label: 'Virgin' },
  { artist: 'Various Artists', title: 'Pulp Fiction: Music From the Motion Picture', date: '1994-09-27', secondaryTypes: ['Compilation', 'Soundtrack'], label: 'MCA Records' },
  { artist: 'DJ Sable', title: 'Quiet Tides', date: '1979', coverArt: false, reissue: false },
];

const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'JP', 'XE'];

/** Deterministic UUID (version 4 layout) from any key. */
export function mbid(key: string): string {
  const rnd = seededRandom(hashKey(key));
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(rnd() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function sortName(name: string): string {
  const m = /^The (.+)$/.exec(name);
  if (m !== null) return `${m[1]!}, The`;
  const parts = name.split(' ');
  return parts.length === 2 && name !== 'Various Artists' ? `${parts[1]!}, ${parts[0]!}` : name;
}

export function buildReleaseGroup(seed: MbAlbumSeed): MbReleaseGroup {
  const key = `${seed.artist}|${seed.title}|${seed.date ?? ''}`;
  const rnd = seededRandom(Number.parseInt(mbid(key).slice(0, 8), 16));
  const date = seed.date ?? '';
  const year = Number(date.slice(0, 4)) || 2000;
  const original: MbRelease = {
    id: mbid(`release:${key}`),
    title: seed.title,
    date,
    country: COUNTRIES[Math.floor(rnd() * COUNTRIES.length)]!,
    barcode: seed.barcode ?? '',
    catno: seed.catno ?? '',
    label: seed.label ?? '',
    format: seed.format ?? '12" Vinyl',
    trackCount: 8 + Math.floor(rnd() * 8),
    hasCoverArt: seed.coverArt ?? true,
  };
  const releases = [original];
  if (seed.reissue ?? true) {
    releases.push({
      ...original,
      id: mbid(`reissue:${key}`),
      date: String(year + 25),
      country: 'XE',
      barcode: String(5_000_000_000_000 + Math.floor(rnd() * 1e11)),
      catno: original.catno === '' ? '' : `${original.catno}R`,
      format: 'CD',
      hasCoverArt: false,
    });
  }
  return {
    id: mbid(`release-group:${key}`),
    title: seed.title,
    artist: {
      id: seed.artist === 'Various Artists' ? '89ad4ac3-39f7-470e-963a-56509c546377' : mbid(`artist:${seed.artist}:${seed.artistDisambiguation ?? ''}`),
      name: seed.artist,
      sortName: sortName(seed.artist),
      disambiguation: seed.artistDisambiguation ?? '',
    },
    primaryType: seed.primaryType ?? 'Album',
    secondaryTypes: seed.secondaryTypes ?? [],
    firstReleaseDate: date,
    releases,
  };
}

const typeId = (type: string): string => mbid(`type:${type}`);
const OFFICIAL = mbid('status:Official');

function artistCredit(rg: MbReleaseGroup): unknown[] {
  const { id, name, sortName: sort, disambiguation } = rg.artist;
  const artist: Record<string, string> = { id, name, 'sort-name': sort };
  if (disambiguation !== '') artist.disambiguation = disambiguation;
  return [{ name, artist }];
}

function groupRef(rg: MbReleaseGroup): Record<string, unknown> {
  const ref: Record<string, unknown> = {
    id: rg.id,
    'type-id': typeId(rg.primaryType),
    'primary-type-id': typeId(rg.primaryType),
    title: rg.title,
    'primary-type': rg.primaryType,
  };
  if (rg.secondaryTypes.length > 0) ref['secondary-types'] = rg.secondaryTypes;
  return ref;
}

export function releaseGroupJson(rg: MbReleaseGroup, score?: number): Record<string, unknown> {
  return {
    ...groupRef(rg),
    ...(score === undefined ? {} : { score }),
    count: rg.releases.length,
    'first-release-date': rg.firstReleaseDate,
    'artist-credit': artistCredit(rg),
    releases: rg.releases.map((r) => ({ id: r.id, 'status-id': OFFICIAL, title: r.title, status: 'Official' })),
  };
}

export function releaseJson(rg: MbReleaseGroup, release: MbRelease, score?: number): Record<string, unknown> {
  return {
    id: release.id,
    ...(score === undefined ? {} : { score }),
    'status-id': OFFICIAL,
    count: 1,
    title: release.title,
    status: 'Official',
    'text-representation': { language: 'eng', script: 'Latn' },
    'artist-credit': artistCredit(rg),
    'release-group': groupRef(rg),
    date: release.date,
    country: release.country,
    'release-events': [{ date: release.date, area: { id: mbid(`area:${release.country}`), name: release.country, 'sort-name': release.country, 'iso-3166-1-codes': [release.country] } }],
    barcode: release.barcode,
    'label-info': release.label === '' ? [] : [{ 'catalog-number': release.catno, label: { id: mbid(`label:${release.label}`), name: release.label } }],
    'track-count': release.trackCount,
    media: [{ format: release.format, 'disc-count': 1, 'track-count': release.trackCount }],
  };
}
