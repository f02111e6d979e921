import type { WrappedReport } from '../../src/rpc/methods/wrapped.js';

/**
 * Year-in-review reports written out by hand for the views: one pushed to the edges (names
 * longer than a terminal line, with markup in them, millions of listens, two calendar
 * years, an AI paragraph with an unbreakable word) and one for a year without a listen.
 */
const LONG = 'Orchestre Symphonique et Chœur de la Radio <Live> & "Friends" — Intégrale des Symphonies, Volume Deux (Remastered 2025)';

export function stretchedReport(): WrappedReport {
  const ranked = (i: number) => (i === 0 ? LONG : `Artist ${i} ${'x'.repeat(i * 6)}`);
  return {
    from: '2024-01-01', to: '2025-12-31', timezone: 'America/Argentina/ComodRivadavia', days: 731, year: null,
    listens: 12_345_678, hours: 987_654.3, unknownDurationListens: 12, dailyAverage: 16_888.7, artists: 45_678, albums: 123_456, tracks: 999_999,
    activeDays: 731, longestStreak: { from: '2024-01-01', to: '2025-12-31', days: 731 }, busiestDay: { date: '2025-06-21', listens: 99_999 },
    peakHour: 23, peakWeekday: 'Wednesday',
    topArtists: Array.from({ length: 10 }, (_, i) => ({ name: ranked(i), plays: 1_000_000 - i * 77_777, imageUrl: null })),
    topAlbums: Array.from({ length: 10 }, (_, i) => ({ title: ranked(i), artist: LONG, plays: 500_000 - i * 1_111, albumId: i + 1, coverUrl: null })),
    topTracks: Array.from({ length: 10 }, (_, i) => ({ title: ranked(i), artist: LONG, album: LONG, plays: 90_000 - i * 7, albumId: null, coverUrl: null })),
    months: Array.from({ length: 24 }, (_, i) => ({ month: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, listens: 400_000 + i * 12_345 })),
    heatmap: {
      weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
      cells: Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => (d * 24 + h) * 1_234)),
      max: 167 * 1_234,
    },
    sessions: { count: 123_456, averageMinutes: 95.5, averageListens: 19.2, longest: { start: '2025-06-21 08:00', end: '2025-06-22 07:59', minutes: 1_439, listens: 345 } },
    discovery: {
      newArtists: 12_345, newAlbums: 23_456, regulars: 3_456, regularDays: 4,
      artists: Array.from({ length: 10 }, (_, i) => ({ name: ranked(i), firstHeard: '2024-02-02', plays: 10_000 - i })),
    },
    collection: {
      mostPlayed: { albumId: 1, title: LONG, artist: LONG, support: 'cassette', coverUrl: null, plays: 4_321 },
      bought: 1_234, boughtPlayed: 1_000,
      boughtRecords: Array.from({ length: 10 }, (_, i) => ({ albumId: i + 1, title: ranked(i), artist: LONG, support: 'vinyl', coverUrl: null, addedOn: '2025-01-02', plays: 100 - i })),
    },
    sources: {
      bySource: [{ source: 'lastfm', listens: 10_000_000 }, { source: 'vinyl', listens: 2_000_000 }, { source: 'cassette', listens: 345_678 }],
      spins: 2_345_678, streams: 10_000_000,
    },
    albumOfTheYear: { albumId: 1, title: LONG, artist: LONG, coverUrl: null, completePlays: 321, plays: 4_321 },
    ai: { text: `${'What a year. '.repeat(12)}${'Supercalifragilistic'.repeat(6)} <script>alert("x")</script> & more.`, model: 'mistral3' },
    paragraph: { status: 'written', message: null },
  };
}

export function emptyReport(year: number): WrappedReport {
  return {
    from: `${year}-01-01`, to: `${year}-12-31`, timezone: 'Europe/Paris', days: 365, year,
    listens: 0, hours: 0, unknownDurationListens: 0, dailyAverage: 0, artists: 0, albums: 0, tracks: 0,
    activeDays: 0, longestStreak: null, busiestDay: null, peakHour: null, peakWeekday: null,
    topArtists: [], topAlbums: [], topTracks: [],
    months: Array.from({ length: 12 }, (_, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, listens: 0 })),
    heatmap: { weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], cells: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)), max: 0 },
    sessions: { count: 0, averageMinutes: 0, averageListens: 0, longest: null },
    discovery: { newArtists: 0, newAlbums: 0, regulars: 0, regularDays: 4, artists: [] },
    collection: { mostPlayed: null, bought: 0, boughtPlayed: 0, boughtRecords: [] },
    sources: { bySource: [], spins: 0, streams: 0 },
    albumOfTheYear: null,
    ai: null,
    paragraph: { status: 'nothing-to-tell', message: null },
  };
}
