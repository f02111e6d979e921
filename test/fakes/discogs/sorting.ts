// Collection orderings accepted by `sort=` (`added` when unknown), oldest or A first; `desc` reverses.
import type { DiscogsCollectionItem } from './collection.js';

const addedMs = new WeakMap<DiscogsCollectionItem, number>();

function added(item: DiscogsCollectionItem): number {
  let ms = addedMs.get(item);
  if (ms === undefined) {
    ms = Date.parse(item.date_added);
    addedMs.set(item, ms);
  }
  return ms;
}

function byAdded(a: DiscogsCollectionItem, b: DiscogsCollectionItem): number {
  return added(a) - added(b) || a.instance_id - b.instance_id;
}

const SORT_KEYS: Record<string, (it: DiscogsCollectionItem) => string | number> = {
  title: (it) => it.basic_information.title.toLowerCase(),
  artist: (it) => (it.basic_information.artists[0]?.name ?? '').toLowerCase(),
  year: (it) => it.basic_information.year,
  rating: (it) => it.rating,
  label: (it) => (it.basic_information.labels[0]?.name ?? '').toLowerCase(),
  catno: (it) => (it.basic_information.labels[0]?.catno ?? '').toLowerCase(),
  format: (it) => it.basic_information.formats[0]?.name ?? '',
};

export function sortItems(items: DiscogsCollectionItem[], sort: string, order: string): DiscogsCollectionItem[] {
  const key = SORT_KEYS[sort];
  const sorted = items.sort((a, b) => {
    if (key === undefined) return byAdded(a, b);
    const ka = key(a);
    const kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : 0) || byAdded(a, b);
  });
  return order === 'desc' ? sorted.reverse() : sorted;
}
