// Tracklists as GET /releases/{id} gives them: vinyl sides (A1…B5, "A"/"B" on a 7"), CDs
// numbered 1…14, cassettes, files; "Side One" headings, index tracks with sub_tracks (a suite's
// parts "B2a", "B2b"; a work's movements each on their own track), empty durations (all of a
// release, or one here and there), and per-track artists on compilations and soundtracks.
import { artistCredit, type CollectionContext, type DiscogsArtistCredit, type DiscogsBasicInformation } from './collection.js';
import { seededRandom } from './http-kit.js';

export interface DiscogsTrack {
  position: string;
  type_: 'track' | 'heading' | 'index';
  title: string;
  duration: string;
  artists?: DiscogsArtistCredit[];
  extraartists?: DiscogsArtistCredit[];
  sub_tracks?: DiscogsTrack[];
}

const WORDS = ['Intro', 'Night Drive', 'Harbour Song', 'Static', 'Low Tide', 'Outro', 'Reprise', 'Glow', 'Northbound', 'Paper Moon',
  'Blue Hour', 'Slow Burn', 'Undertow', 'Lantern', 'Afterglow', 'Fog Lights'];
const GUESTS: readonly [string, number][] = [['The Velvet Lanterns', 310001], ['Mara Quist', 310002], ['Kid Cobalt', 310010],
  ['Amara Diallo', 310012], ['Glass Pilot', 310013], ['Henrik Sol', 310016], ['Quartet Noir', 310018], ['Los Tiburones', 310011]];

/** "4:35" from seconds; Discogs writes no leading zero on the minutes. */
export function discogsDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A plain track (what tests build crafted tracklists from). */
export function track(position: string, title: string, duration = '', artists?: DiscogsArtistCredit[]): DiscogsTrack {
  return { position, type_: 'track', title, duration, ...(artists ? { artists } : {}) };
}

export function heading(title: string): DiscogsTrack {
  return { position: '', type_: 'heading', title, duration: '' };
}

export function indexTrack(title: string, subTracks: DiscogsTrack[], duration = ''): DiscogsTrack {
  return { position: '', type_: 'index', title, duration, sub_tracks: subTracks };
}

/** The tracklist a generated release shows, shaped by its format; deterministic per release id. */
export function generatedTracklist(ctx: CollectionContext, info: DiscogsBasicInformation): DiscogsTrack[] {
  const rnd = seededRandom(info.id * 31 + 7);
  const format = info.formats[0];
  const noDurations = info.id % 7 === 3;
  // Compilations, and half the soundtracks (songs by several artists), credit each track.
  const various = info.artists.some((artist) => artist.name === 'Various') || (info.genres.includes('Stage & Screen') && info.id % 2 === 0);
  let n = 0;
  const next = (position: string): DiscogsTrack => {
    const seconds = 150 + Math.floor(rnd() * 330);
    const title = `${WORDS[(info.id + n) % WORDS.length]!}${n >= WORDS.length ? ` ${n + 1}` : ''}`;
    n += 1;
    const missing = noDurations || rnd() < 0.04;
    const [guest, guestId] = GUESTS[(info.id + n) % GUESTS.length]!;
    return track(position, title, missing ? '' : discogsDuration(seconds), various ? [artistCredit(ctx, guest, guestId)] : undefined);
  };
  const numbered = (count: number) => Array.from({ length: count }, (_, k) => next(String(k + 1)));
  if (format?.name === 'Vinyl') {
    if (format.descriptions.includes('7"')) return [next('A'), next('B')];
    const sides = 'ABCDEFGH'.slice(0, 2 * Math.max(1, Number(format.qty) || 1)).split('');
    const withHeadings = info.id % 5 === 1;
    const withSuite = info.id % 6 === 2;
    return sides.flatMap((side, s) => {
      const count = 3 + Math.floor(rnd() * 3);
      const tracks: DiscogsTrack[] = withHeadings ? [heading(`Side ${['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight'][s]!}`)] : [];
      for (let k = 1; k <= count; k += 1) {
        if (withSuite && s === 1 && k === 2) {
          const parts = ['a', 'b', 'c'].map((letter) => next(`${side}${k}${letter}`));
          tracks.push(indexTrack(`Suite For The ${WORDS[info.id % WORDS.length]!}`, parts));
        } else tracks.push(next(`${side}${k}`));
      }
      return tracks;
    });
  }
  if (format?.name === 'Cassette') return [...['A1', 'A2', 'A3', 'A4'].map(next), ...['B1', 'B2', 'B3', 'B4'].map(next)];
  const tracks = numbered(10 + Math.floor(rnd() * 5));
  if (format?.name === 'CD' && info.id % 6 === 2) {
    // A work in movements, each its own CD track, under an index track.
    const movements = tracks.splice(2, 3, indexTrack('Concerto In Three Movements', []));
    (tracks[2] as DiscogsTrack).sub_tracks = movements.map((movement, k) => ({ ...movement, title: ['I. Allegro', 'II. Adagio', 'III. Presto'][k]! }));
  }
  return tracks;
}
