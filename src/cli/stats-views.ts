import type {
  StatsBounds, StatsCompareResult, StatsDiscoveryResult, StatsHeatmapResult, StatsPatternsResult, StatsSessionsResult, StatsStreaksResult,
  StatsSummaryResult, StatsUnplayedResult,
} from '../rpc/methods/stats.js';
import { barChart, heatGrid, sparkline } from './charts.js';
import { formatNumber, plural, type Output } from './output.js';

/** How `aime stats …` reads in a terminal: headings, aligned bars, heat cells, sparklines. */
export const NOTHING_YET = 'Nothing to count yet: import your history with `aime import lastfm`, or record new plays with `aime service start lastfm-tracker`.';

function heading(out: Output, title: string, bounds: StatsBounds): void {
  out.line(out.paint.bold(`${title} ${bounds.from} → ${bounds.to}`) + out.paint.dim(` (${plural(bounds.days, 'day')}, ${bounds.timezone})`));
}

/** The friendly line for a period without listens; true when it was printed. */
function nothingHeard(out: Output, listens: number): boolean {
  if (listens > 0) return false;
  out.line('No listens in this period.');
  out.line(NOTHING_YET);
  return true;
}

export const hourSpan = (hour: number) => `${String(hour).padStart(2, '0')}:00–${String((hour + 1) % 24).padStart(2, '0')}:00`;

export function showSummary(out: Output, result: StatsSummaryResult): void {
  heading(out, 'Listening', result);
  if (nothingHeard(out, result.listens)) return;
  out.line(`  ${formatNumber(result.listens)} listens · ${formatNumber(result.hours)} hours · ${formatNumber(result.dailyAverage)} a day`);
  if (result.unknownDurationListens > 0) {
    const share = `${(result.unknownDurationShare * 100).toFixed(1)}% of listens (${formatNumber(result.unknownDurationListens)})`;
    out.line(out.paint.dim(`  hours count known durations only: ${share} have none${result.fillingDurations ? ' yet' : ''}`));
    // While the durations worker fills them, hours will still grow: say so, and how to wait.
    if (result.fillingDurations) out.line(out.paint.dim('  the durations service is filling them (aime enrich --durations to wait)'));
  }
  out.line(`  ${formatNumber(result.artists)} artists · ${formatNumber(result.albums)} albums · ${formatNumber(result.tracks)} tracks`);
  if (result.peakHour !== null) out.line(`  peak hour ${hourSpan(result.peakHour)} · busiest weekday ${result.peakWeekday ?? '–'}`);
  const section = (title: string, rows: { label: string; value: number }[]) => {
    out.line();
    out.line(out.paint.bold(title));
    for (const line of barChart(rows, 78)) out.line(`  ${line}`);
  };
  section('Top artists', result.topArtists.map((artist) => ({ label: artist.name, value: artist.plays })));
  section('Top albums', result.topAlbums.map((album) => ({ label: `${album.title} — ${album.artist}`, value: album.plays })));
  section('Top tracks', result.topTracks.map((track) => ({ label: `${track.title} — ${track.artist}`, value: track.plays })));
  section('By weekday', result.byWeekday.map((count, day) => ({ label: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][day] ?? '', value: count })));
  out.line();
  out.line(out.paint.bold('By hour'));
  out.line(`  ${sparkline(result.byHour)}`);
  out.line(out.paint.dim(`  ${'00'.padEnd(6)}${'06'.padEnd(6)}${'12'.padEnd(6)}${'18'.padEnd(4)}23`));
}

export function showHeatmap(out: Output, result: StatsHeatmapResult): void {
  heading(out, 'Heatmap', result);
  if (nothingHeard(out, result.listens)) return;
  for (const line of heatGrid(result.weekdays.map((day) => day.slice(0, 3)), result.cells, result.max)) out.line(line);
}

export function showSessions(out: Output, result: StatsSessionsResult): void {
  heading(out, 'Sessions', result);
  if (nothingHeard(out, result.listens)) return;
  out.line(`  ${formatNumber(result.sessions)} sessions (a silence over 30 minutes starts a new one)`);
  out.line(`  average ${formatNumber(result.averageMinutes)} minutes, ${formatNumber(result.averageListens)} listens`);
  if (result.longest) {
    out.line(`  longest ${result.longest.start} → ${result.longest.end}: ${formatNumber(result.longest.minutes)} minutes, ${formatNumber(result.longest.listens)} listens`);
  }
}

export function showDiscovery(out: Output, result: StatsDiscoveryResult): void {
  heading(out, 'Discovered', result);
  out.line(`  ${formatNumber(result.newArtists)} new artists · ${formatNumber(result.newAlbums)} new albums`);
  if (result.artists.length) {
    out.line();
    out.table(['artist', 'first heard', 'plays since'], result.artists.map((artist) => [artist.name, artist.firstHeard, formatNumber(artist.plays)]));
  }
  if (result.albums.length) {
    out.line();
    out.table(['album', 'artist', 'first heard', 'plays since'], result.albums.map((album) => [album.title, album.artist, album.firstHeard, formatNumber(album.plays)]));
  }
}

const change = (value: number | null) => (value === null ? 'new' : `${value > 0 ? '+' : ''}${value.toFixed(1)}%`);

export function showComparison(out: Output, result: StatsCompareResult): void {
  const { current, previous } = result;
  heading(out, 'Compared', current);
  out.line(`    with ${previous.from} → ${previous.to}`);
  out.table(
    ['', 'now', 'before', 'change'],
    [
      ['listens', formatNumber(current.listens), formatNumber(previous.listens), change(result.changes.listens)],
      ['hours', formatNumber(current.hours), formatNumber(previous.hours), change(result.changes.hours)],
      ['artists', formatNumber(current.artists), formatNumber(previous.artists), change(result.changes.artists)],
      ['albums', formatNumber(current.albums), formatNumber(previous.albums), change(result.changes.albums)],
    ],
  );
  const rows = Math.max(current.topArtists.length, previous.topArtists.length);
  if (rows) {
    out.line();
    out.table(['top artists now', 'plays', 'before', 'plays'], Array.from({ length: rows }, (_, i) => [
      current.topArtists[i]?.name, current.topArtists[i]?.plays, previous.topArtists[i]?.name, previous.topArtists[i]?.plays,
    ]));
  }
}

export function showPatterns(out: Output, result: StatsPatternsResult): void {
  heading(out, 'Artists heard together', result);
  if (!result.pairs.length) {
    out.line('No two different artists were heard one after the other in this period.');
    return;
  }
  for (const line of barChart(result.pairs.map((pair) => ({ label: `${pair.first} + ${pair.second}`, value: pair.count })), 78)) out.line(`  ${line}`);
}

export function showStreaks(out: Output, result: StatsStreaksResult): void {
  heading(out, 'Streaks', result);
  if (nothingHeard(out, result.activeDays)) return;
  out.line(`  ${formatNumber(result.activeDays)} of ${plural(result.days, 'day')} with listening`);
  if (result.longest) out.line(`  longest streak ${plural(result.longest.days, 'day')} (${result.longest.from} → ${result.longest.to})`);
  out.line(result.current ? `  current streak ${plural(result.current.days, 'day')} (since ${result.current.from})` : '  no current streak');
  if (result.busiestDay) out.line(`  busiest day ${result.busiestDay.date} (${formatNumber(result.busiestDay.listens)} listens)`);
  out.line();
  out.line(`${out.paint.bold('Activity')} ${out.paint.dim(`(one bar per ${result.activity.unit}, oldest first)`)}`);
  out.line(`  ${sparkline(result.activity.counts)}`);
}

export function showUnplayed(out: Output, result: StatsUnplayedResult): void {
  if (!result.total) {
    out.line('Every album of the collection has been played at least once (or the collection is empty: aime import discogs).');
    return;
  }
  const first = (result.page - 1) * result.pageSize;
  const which = result.page > 1 ? ` (${first + 1}–${first + result.items.length} by date added)` : ` (the ${result.items.length} added first)`;
  const part = result.items.length > 0 && result.items.length < result.total;
  out.line(out.paint.bold(`${formatNumber(result.total)} collection albums never played`) + (part ? out.paint.dim(which) : ''));
  if (result.items.length) out.table(['album', 'artist', 'support', 'added'], result.items.map((album) => [album.title, album.artist, album.support, album.addedAt]));
  else out.line(`page ${result.page} is past the end`);
}
