import { UnrecoverableError } from '../../core/errors.js';
import { stripDiscogsSuffix } from '../../core/names.js';
import type { CollectionPage, OwnedCopy } from '../../core/collection/model.js';

/** The parts of Discogs' collection listing AIME reads. */
export interface DiscogsListing {
  pagination?: { page?: number; pages?: number; items?: number };
  releases?: DiscogsItem[];
}

interface DiscogsItem {
  id: number;
  instance_id: number;
  folder_id?: number;
  rating?: number;
  date_added?: string;
  notes?: { field_id: number; value: string }[];
  basic_information?: {
    id?: number;
    master_id?: number | null;
    title?: string;
    year?: number | string;
    thumb?: string;
    cover_image?: string;
    formats?: { name?: string; qty?: string | number; descriptions?: string[]; text?: string }[];
    labels?: { name?: string; catno?: string }[];
    artists?: { name?: string; join?: string; id?: number }[];
    genres?: string[];
    styles?: string[];
  };
}

/** A listing page → core's types. Releases without a title or an artist cannot be albums. */
export function toCollectionPage(body: DiscogsListing): CollectionPage {
  if (!body.pagination || !Array.isArray(body.releases)) throw new UnrecoverableError('Discogs sent a collection page without pagination or releases');
  const copies = body.releases.map(toOwnedCopy).filter((copy): copy is OwnedCopy => copy !== undefined);
  return {
    page: Number(body.pagination.page ?? 1),
    pages: Number(body.pagination.pages ?? 1),
    items: Number(body.pagination.items ?? body.releases.length),
    copies,
    rejected: body.releases.length - copies.length,
  };
}

function toOwnedCopy(item: DiscogsItem): OwnedCopy | undefined {
  const info = item.basic_information ?? {};
  const title = (info.title ?? '').trim();
  const artists = (info.artists ?? [])
    .filter((artist) => (artist.name ?? '').trim() !== '')
    .map((artist) => ({ name: stripDiscogsSuffix(artist.name ?? ''), discogsId: artist.id ?? null, join: (artist.join ?? '').trim() }));
  if (title === '' || artists.length === 0) return undefined;
  const year = Number(info.year);
  const master = Number(info.master_id);
  const releaseId = Number(info.id ?? item.id);
  return {
    instanceId: Number(item.instance_id),
    releaseId,
    folderId: Number(item.folder_id ?? 0),
    rating: Number(item.rating ?? 0),
    dateAdded: item.date_added ? Math.floor(Date.parse(item.date_added) / 1000) : 0,
    title,
    artists,
    year: Number.isInteger(year) && year > 0 ? year : null,
    formats: (info.formats ?? []).map((format) => ({
      name: format.name ?? '',
      qty: Number(format.qty ?? 1) || 1,
      descriptions: format.descriptions ?? [],
      ...(format.text ? { text: format.text } : {}),
    })),
    labels: (info.labels ?? []).map((label) => ({ name: stripDiscogsSuffix(label.name ?? ''), catno: label.catno ?? '' })),
    genres: info.genres ?? [],
    styles: info.styles ?? [],
    masterId: Number.isInteger(master) && master > 0 ? master : null,
    coverUrl: info.cover_image || null,
    thumbUrl: info.thumb || null,
    discogsUrl: `https://www.discogs.com/release/${releaseId}`,
    notes: item.notes?.length ? item.notes.map((note) => note.value).join(' · ') : null,
  };
}

/** The primary image of a release detail, when it has one. */
export function primaryImage(body: { images?: { type?: string; uri?: string }[] }): string | null {
  const images = body.images ?? [];
  const image = images.find((candidate) => candidate.type === 'primary') ?? images[0];
  return image?.uri || null;
}
