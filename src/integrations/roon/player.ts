// Playing named music on a zone through browse (roon-api.md §4.3): search, pick the row that
// names it (core/roon/album-match.ts), open its action list, choose "Play Now" or "Queue".
import { NotFoundError, UserError } from '../../core/errors.js';
import { nameKey } from '../../core/names.js';
import { bestRow, plainBrowseText, searchTexts, withoutTrackNumber } from '../../core/roon/album-match.js';
import { BrowseClient, type BrowseItem } from './browse.js';
import type { PairedCore } from './paired-core.js';

export type PlayAction = 'Play Now' | 'Queue' | 'Add Next';

export interface TrackWish {
  readonly artist: string;
  readonly title: string;
  readonly album?: string | null;
}

export interface PlayedRow {
  readonly title: string;
  readonly artist: string;
}

let sessions = 0;

export class RoonPlayer {
  private readonly browser: BrowseClient;

  constructor(core: PairedCore) {
    this.browser = new BrowseClient(core);
  }

  /** Finds the album under any usual spelling and plays it now on the zone. */
  async playAlbum(zoneOrOutputId: string, artist: string, album: string): Promise<PlayedRow> {
    const session = newSession();
    const row = await this.find(session, 'Albums', artist, album);
    if (!row) throw new NotFoundError(`Roon has no album "${album}" by ${artist} (searched: ${searchTexts(artist, album).join(' | ')})`);
    await this.perform(session, row, 'Play Now', zoneOrOutputId);
    return { title: plainBrowseText(row.title), artist: plainBrowseText(row.subtitle) };
  }

  /** The first track found plays now, the others are queued after it, in order. */
  async playTracks(zoneOrOutputId: string, tracks: readonly TrackWish[]): Promise<{ queued: PlayedRow[]; notFound: TrackWish[] }> {
    const queued: PlayedRow[] = [];
    const notFound: TrackWish[] = [];
    for (const track of tracks) {
      const session = newSession();
      const row = await this.find(session, 'Tracks', track.artist, track.title);
      if (!row) {
        notFound.push(track);
        continue;
      }
      await this.perform(session, row, queued.length === 0 ? 'Play Now' : 'Queue', zoneOrOutputId);
      queued.push({ title: withoutTrackNumber(plainBrowseText(row.title)), artist: plainBrowseText(row.subtitle) });
    }
    return { queued, notFound };
  }

  /** Searches each spelling in turn until the category lists a row naming artist and title. */
  private async find(session: string, category: 'Albums' | 'Tracks', artist: string, title: string): Promise<BrowseItem | undefined> {
    for (const input of searchTexts(artist, title)) {
      const outcome = await this.browser.browse({ hierarchy: 'search', sessionKey: session, input, popAll: true });
      if (outcome.action !== 'list') continue;
      const categories = await this.browser.loadAll('search', session);
      const group = categories.find((item) => nameKey(item.title) === nameKey(category) && item.itemKey);
      if (!group?.itemKey) continue;
      await this.browser.browse({ hierarchy: 'search', sessionKey: session, itemKey: group.itemKey });
      const row = bestRow(await this.browser.loadAll('search', session), artist, title);
      if (row?.itemKey) return row;
    }
    return undefined;
  }

  /** Opens the row, walks into its action list ("Play Album" …) and runs the wanted action. */
  private async perform(session: string, row: BrowseItem, action: PlayAction, zoneOrOutputId: string): Promise<void> {
    let items: BrowseItem[] = [row];
    let target: BrowseItem | undefined = row;
    for (let depth = 0; depth < 4 && target?.itemKey; depth++) {
      await this.browser.browse({ hierarchy: 'search', sessionKey: session, itemKey: target.itemKey });
      items = await this.browser.loadAll('search', session);
      const wanted = items.find((item) => item.hint === 'action' && nameKey(item.title) === nameKey(action));
      if (wanted?.itemKey) {
        const outcome = await this.browser.browse({ hierarchy: 'search', sessionKey: session, itemKey: wanted.itemKey, zoneOrOutputId });
        if (outcome.action === 'message' && outcome.isError) throw new UserError(`Roon: ${outcome.message}`);
        return;
      }
      target = items.find((item) => item.hint === 'action_list');
    }
    throw new NotFoundError(`Roon offers no "${action}" for ${plainBrowseText(row.title)} (found: ${items.map((i) => i.title).join(', ')})`);
  }
}

function newSession(): string {
  sessions += 1;
  return `aime-play-${process.pid}-${sessions}`;
}
