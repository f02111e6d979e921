// A deterministic Discogs collection shaped like `GET /users/{u}/collection/folders/0/releases`
// items: string `qty`, " (n)" name suffixes, empty `cover_image`, no-master releases (0/null),
// year 0, soundtracks, one release owned twice, a genre with commas in it.
import { seededRandom } from './http-kit.js';

export interface DiscogsArtistCredit {
  name: string;
  anv: string;
  join: string;
  role: string;
  tracks: string;
  id: number;
  resource_url: string;
}

export interface DiscogsLabelCredit {
  name: string;
  catno: string;
  entity_type: string;
  entity_type_name: string;
  id: number;
  resource_url: string;
}

export interface DiscogsFormat {
  name: string;
  qty: string;
  descriptions: string[];
  text?: string;
}

export interface DiscogsBasicInformation {
  id: number;
  master_id: number;
  master_url: string | null;
  resource_url: string;
  title: string;
  year: number;
  thumb: string;
  cover_image: string;
  formats: DiscogsFormat[];
  labels: DiscogsLabelCredit[];
  artists: DiscogsArtistCredit[];
  genres: string[];
  styles: string[];
}

export interface DiscogsCollectionItem {
  id: number;
  instance_id: number;
  date_added: string;
  rating: number;
  folder_id: number;
  notes?: { field_id: number; value: string }[];
  basic_information: DiscogsBasicInformation;
}

export type FormatKind = 'Vinyl' | 'CD' | 'Cassette' | 'File';

/** What `addRelease()` accepts; everything has a generated default. */
export interface NewCollectionItem {
  /** Own another copy of a release already in the collection (new instance_id). */
  releaseId?: number;
  title?: string;
  artists?: string[];
  year?: number;
  format?: FormatKind;
  genres?: string[];
  styles?: string[];
  /** false ⇒ `cover_image` and `thumb` are "". Default true. */
  coverImage?: boolean;
  /** ISO string; default one hour after the newest item. */
  dateAdded?: string;
}

const ARTISTS: readonly [string, number][] = [
  ['The Velvet Lanterns', 310001], ['Mara Quist', 310002], ['Orchestre Lumière', 310003],
  ['Nina Ko (3)', 310004], ['DJ Sable (2)', 310005], ['Björk Halvorsen', 310006],
  ['The Harbour Lights (2)', 310007], ['Sun Ra Collective (2)', 310008], ['Elliot Marsh', 310009],
  ['Kid Cobalt', 310010], ['Los Tiburones', 310011], ['Amara Diallo', 310012],
  ['Glass Pilot', 310013], ['The Dukes Of Nowhere', 310014], ['Yumi Arakawa (2)', 310015],
  ['Henrik Sol', 310016], ['Pale Fountain (4)', 310017], ['Quartet Noir', 310018],
];
const COMPOSERS: readonly [string, number][] = [
  ['Lena Morricone (2)', 320001], ['Hans Zeller', 320002], ['Various', 194],
];
const LABELS: readonly [string, string, number][] = [
  ['Blue Harbour Records', 'BHR', 410001], ['Parlophone', 'PCS', 410002], ['Warp Records (2)', 'WARP', 410003],
  ['Ninja Tune', 'ZEN', 410004], ['Impulse! (3)', 'AS', 410005], ['Sub Pop', 'SP', 410006],
];
const TITLE_A = ['Blue', 'Midnight', 'Electric', 'Silent', 'Golden', 'Paper', 'Northern', 'Velvet', 'Broken', 'Endless',
  'Hidden', 'Crystal', 'Lonely', 'Wild', 'Distant', 'Burning', 'Quiet', 'Neon', 'Summer', 'Winter'];
const TITLE_B = ['Horizons', 'Rivers', 'Machines', 'Gardens', 'Signals', 'Cathedrals', 'Echoes', 'Harbours', 'Tides',
  'Mirrors', 'Streets', 'Lanterns', 'Islands', 'Engines', 'Dreams', 'Forests', 'Letters', 'Windows', 'Voices', 'Years'];
const GENRES: readonly [string, string[]][] = [
  ['Rock', ['Indie Rock', 'Post-Punk']], ['Electronic', ['Ambient', 'Techno']], ['Jazz', ['Modal', 'Hard Bop']],
  ['Funk / Soul', ['Soul']], ['Hip Hop', ['Boom Bap']], ['Folk, World, & Country', ['Folk']], ['Pop', ['Synth-pop']],
];
const CONDITIONS = ['Mint (M)', 'Near Mint (NM or M-)', 'Very Good Plus (VG+)', 'Very Good (VG)'];
const BASE_DATE_MS = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY_MS = 86_400_000;

/** Discogs writes dates with the US/Pacific offset, e.g. 2025-06-01T05:00:00-07:00. */
export function discogsDate(ms: number): string {
  return `${new Date(ms - 7 * 3_600_000).toISOString().slice(0, 19)}-07:00`;
}

function formatsFor(kind: FormatKind, variant: number): DiscogsFormat[] {
  switch (kind) {
    case 'Vinyl':
      if (variant === 1) return [{ name: 'Vinyl', qty: '2', descriptions: ['LP', 'Album', 'Reissue'] }];
      if (variant === 2) return [{ name: 'Vinyl', qty: '1', descriptions: ['7"', '45 RPM', 'Single'] }];
      if (variant === 3) {
        return [
          { name: 'Vinyl', qty: '1', descriptions: ['LP', 'Album'] },
          { name: 'CD', qty: '1', descriptions: ['Album'], text: 'Bonus disc' },
        ];
      }
      return [{ name: 'Vinyl', qty: '1', descriptions: ['LP', 'Album'] }];
    case 'CD':
      return [{ name: 'CD', qty: '1', descriptions: ['Album'] }];
    case 'Cassette':
      return [{ name: 'Cassette', qty: '1', descriptions: ['Album'] }];
    case 'File':
      return [{ name: 'File', qty: '12', descriptions: ['FLAC', 'Album'] }];
  }
}

export interface CollectionContext {
  /** Base URL of the fake, used for resource and image URLs. */
  readonly baseUrl: string;
}

export function artistCredit(ctx: CollectionContext, name: string, id: number, join = '', anv = ''): DiscogsArtistCredit {
  return { name, anv, join, role: '', tracks: '', id, resource_url: `${ctx.baseUrl}/artists/${id}` };
}

function imageUrls(ctx: CollectionContext, releaseId: number, hasCover: boolean): { thumb: string; cover_image: string } {
  if (!hasCover) return { thumb: '', cover_image: '' };
  return {
    thumb: `${ctx.baseUrl}/images/R-150-${releaseId}.png`,
    cover_image: `${ctx.baseUrl}/images/R-${releaseId}.png`,
  };
}

function titleFor(i: number): string {
  const base = `${TITLE_A[(i * 7) % 20]!} ${TITLE_B[(Math.floor(i / 20) + i) % 20]!}`;
  const round = Math.floor(i / 400);
  return round === 0 ? base : `${base} Vol. ${round + 1}`;
}

function generatedBasicInformation(ctx: CollectionContext, i: number, rnd: () => number): DiscogsBasicInformation {
  const id = 1_000_000 + i * 17 + Math.floor(rnd() * 16);
  const soundtrack = i % 9 === 4;
  const kinds: FormatKind[] = ['Vinyl', 'Vinyl', 'Vinyl', 'CD', 'CD', 'Cassette', 'File', 'Vinyl', 'Vinyl', 'CD'];
  const kind = kinds[i % 10]!;
  const variant = i % 10 === 7 ? 1 : i % 10 === 8 ? 2 : i % 23 === 11 && kind === 'Vinyl' ? 3 : 0;
  const [mainName, mainId] = soundtrack ? COMPOSERS[i % COMPOSERS.length]! : ARTISTS[(i * 5) % ARTISTS.length]!;
  const artists = [artistCredit(ctx, mainName, mainId, '', i % 17 === 5 ? mainName.split(' ')[0]! : '')];
  if (!soundtrack && i % 6 === 1) {
    const [otherName, otherId] = ARTISTS[(i * 5 + 3) % ARTISTS.length]!;
    artists[0]!.join = i % 12 === 1 ? '&' : 'Featuring';
    artists.push(artistCredit(ctx, otherName, otherId));
  }
  const [labelName, prefix, labelId] = LABELS[i % LABELS.length]!;
  const labels: DiscogsLabelCredit[] = [kind === 'File'
    ? { name: 'Not On Label', catno: 'none', entity_type: '1', entity_type_name: 'Label', id: 750, resource_url: `${ctx.baseUrl}/labels/750` }
    : { name: labelName, catno: `${prefix} ${1000 + i}`, entity_type: '1', entity_type_name: 'Label', id: labelId, resource_url: `${ctx.baseUrl}/labels/${labelId}` }];
  const [genre, styles] = GENRES[i % GENRES.length]!;
  const hasMaster = i % 11 !== 3;
  const masterId = hasMaster ? 200_000 + i * 7 : 0;
  return {
    id,
    master_id: masterId,
    master_url: hasMaster ? `${ctx.baseUrl}/masters/${masterId}` : null,
    resource_url: `${ctx.baseUrl}/releases/${id}`,
    title: soundtrack ? `${titleFor(i)} (Original Motion Picture Soundtrack)` : titleFor(i),
    year: i % 29 === 17 ? 0 : 1960 + Math.floor(rnd() * 65),
    ...imageUrls(ctx, id, i % 13 !== 6),
    formats: formatsFor(kind, variant),
    labels,
    artists,
    genres: soundtrack ? ['Stage & Screen'] : i % 8 === 2 ? [genre, 'Pop'] : [genre],
    styles: soundtrack ? ['Soundtrack', 'Score'] : [...styles],
  };
}

/**
 * `size` collection items (instances), newest first. One release is owned twice, so there are
 * `size - 1` distinct releases when size ≥ 3.
 */
export function generateCollection(ctx: CollectionContext, size: number, seed: number): DiscogsCollectionItem[] {
  const rnd = seededRandom(seed);
  const items: DiscogsCollectionItem[] = [];
  let at = BASE_DATE_MS;
  const distinct = size >= 3 ? size - 1 : size;
  for (let i = 0; i < distinct; i += 1) {
    const info = generatedBasicInformation(ctx, i, rnd);
    const rating = rnd() < 0.7 ? 0 : 1 + Math.floor(rnd() * 5);
    const item: DiscogsCollectionItem = {
      id: info.id,
      instance_id: 0,
      date_added: discogsDate(at),
      rating,
      folder_id: rnd() < 0.2 ? 2 : 1,
      basic_information: info,
    };
    if (i % 4 === 0) {
      item.notes = [
        { field_id: 1, value: CONDITIONS[i % 4]! },
        { field_id: 2, value: CONDITIONS[(i + 1) % 4]! },
      ];
    }
    items.push(item);
    at -= Math.floor(DAY_MS * (1 + rnd() * 2));
  }
  if (size >= 3) {
    // A second copy of an older release, bought recently: same id, its own instance.
    const original = items[Math.min(distinct - 1, 7)]!;
    const copyAt = (Date.parse(items[0]!.date_added) + Date.parse(items[1]!.date_added)) / 2;
    const copy: DiscogsCollectionItem = { ...structuredClone(original), rating: 0, date_added: discogsDate(copyAt) };
    delete copy.notes;
    items.splice(1, 0, copy);
  }
  // Instance ids grow with time, like on Discogs.
  items.forEach((item, index) => {
    item.instance_id = 900_000_000 - index * 1031;
  });
  return items;
}

/** A new item dated after every existing one (unless `init.dateAdded` says otherwise). */
export function newCollectionItem(
  ctx: CollectionContext,
  existing: readonly DiscogsCollectionItem[],
  init: NewCollectionItem,
): DiscogsCollectionItem {
  const newestMs = existing.reduce((max, it) => Math.max(max, Date.parse(it.date_added)), BASE_DATE_MS);
  const newestInstance = existing.reduce((max, it) => Math.max(max, it.instance_id), 900_000_000);
  const dateAdded = init.dateAdded ?? discogsDate(newestMs + 3_600_000);
  const owned = init.releaseId === undefined ? undefined : existing.find((it) => it.id === init.releaseId);
  if (init.releaseId !== undefined && owned === undefined) throw new Error(`release ${init.releaseId} is not in the collection`);
  const maxId = existing.reduce((max, it) => Math.max(max, it.id), 1_000_000);
  const id = owned?.id ?? maxId + 101;
  const generated = generatedBasicInformation(ctx, existing.length, seededRandom(id));
  const info: DiscogsBasicInformation = owned?.basic_information ?? {
    ...generated,
    id,
    resource_url: `${ctx.baseUrl}/releases/${id}`,
    title: init.title ?? `Fresh ${titleFor(existing.length + 7)}`,
    year: init.year ?? 2025,
    ...imageUrls(ctx, id, init.coverImage ?? true),
    formats: formatsFor(init.format ?? 'Vinyl', 0),
    artists: init.artists?.map((name, k, all) => artistCredit(ctx, name, 390_000 + k, k < all.length - 1 ? '&' : '')) ?? generated.artists,
    genres: init.genres ?? generated.genres,
    styles: init.styles ?? generated.styles,
  };
  return { id, instance_id: newestInstance + 1031, date_added: dateAdded, rating: 0, folder_id: 1, basic_information: info };
}
