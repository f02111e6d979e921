import { NotFoundError, UserError } from '../errors.js';
import { nameKey } from '../names.js';
import type { PlaylistStore } from './ports.js';

/**
 * manual: playlists the user fills by hand. A track is named by its id, or as
 * "Artist - Title" (matched like everywhere else, through normalised names; when several
 * albums have it, the most played copy is taken).
 */
export async function resolveTrackReferences(store: PlaylistStore, references: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  const missing: string[] = [];
  const numeric = references.filter((ref) => /^\d+$/.test(ref.trim())).map((ref) => Number(ref.trim()));
  const existing = await store.existingTracks(numeric);
  for (const reference of references) {
    const text = reference.trim();
    if (/^\d+$/.test(text)) {
      if (existing.has(Number(text))) ids.push(Number(text));
      else missing.push(text);
      continue;
    }
    const separator = text.indexOf(' - ');
    if (separator <= 0) throw new UserError(`"${text}" is neither a track id nor "Artist - Title"`);
    const found = await store.findTracks(nameKey(text.slice(0, separator)), nameKey(text.slice(separator + 3)));
    if (found[0] === undefined) missing.push(text);
    else ids.push(found[0]);
  }
  if (missing.length) throw new NotFoundError(`no such track: ${missing.join(', ')}`, { detail: { missing } });
  return ids;
}
