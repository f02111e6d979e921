import { periodName } from '../core/wrapped/period.js';
import type { WrappedReport } from '../rpc/methods/wrapped.js';
import { barChart, heatGrid } from './charts.js';
import { formatNumber, plural } from './output.js';
import { hourSpan, NOTHING_YET } from './stats-views.js';

/**
 * `aime wrapped` in a terminal: plain lines (no colour codes, so it reads the same piped,
 * printed or in a status mail), none longer than 80 columns, the same charts as `aime stats`.
 */
export const VIEW_WIDTH = 80;
const INDENT = '  ';
const BAR_WIDTH = VIEW_WIDTH - INDENT.length;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Words laid into lines of `width` columns after the indent; a word longer than a line is cut. */
export function wrapText(text: string, width = VIEW_WIDTH, indent = INDENT): string[] {
  const room = width - indent.length;
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > room) {
      if (line) lines.push(line);
      lines.push(word.slice(0, room - 1) + '…');
      line = '';
      word = word.slice(room - 1);
    }
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((text) => indent + text);
}

function section(title: string, body: readonly string[]): string[] {
  return body.length ? ['', title, ...body] : [];
}

const bars = (rows: { label: string; value: number }[]) => barChart(rows, BAR_WIDTH).map((line) => INDENT + line);

function monthLabel(month: string, withYear: boolean): string {
  const name = MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
  return withYear ? `${name} ${month.slice(0, 4)}` : name;
}

export function wrappedView(report: WrappedReport): string[] {
  const name = periodName(report);
  const title = name !== null ? `Your ${name} in music` : 'Your listening in review';
  const lines = [`${title} ${report.from} → ${report.to}`, `${INDENT}${plural(report.days, 'day')}, ${report.timezone}`];
  if (report.listens === 0) {
    lines.push('', ...wrapText('No listens in this period.'), ...wrapText(NOTHING_YET));
    return [...lines, ...collectionLines(report)];
  }
  lines.push(
    ...wrapText(`${formatNumber(report.listens)} listens · ${formatNumber(report.hours)} hours · ${formatNumber(report.activeDays)} active days · ${formatNumber(report.dailyAverage)} a day`),
    ...wrapText(`${formatNumber(report.artists)} artists · ${formatNumber(report.albums)} albums · ${formatNumber(report.tracks)} tracks`),
  );
  if (report.topArtists[0]) lines.push(...wrapText(`top artist ${report.topArtists[0].name} (${plural(report.topArtists[0].plays, 'play')})`));
  if (report.ai) lines.push('', ...wrapText(report.ai.text), ...wrapText(`(written by ${report.ai.model})`));
  const best = report.albumOfTheYear;
  if (best) {
    lines.push(...section('Album of the year', wrapText(`${best.title} — ${best.artist}: played start to end ${plural(best.completePlays, 'time')}, ${plural(best.plays, 'listen')} in all`)));
  }
  lines.push(
    ...section('Top artists', bars(report.topArtists.map((artist) => ({ label: artist.name, value: artist.plays })))),
    ...section('Top albums', bars(report.topAlbums.map((album) => ({ label: `${album.title} — ${album.artist}`, value: album.plays })))),
    ...section('Top tracks', bars(report.topTracks.map((track) => ({ label: `${track.title} — ${track.artist}`, value: track.plays })))),
  );
  const years = new Set(report.months.map((month) => month.month.slice(0, 4)));
  lines.push(...section('Month by month', bars(report.months.map((month) => ({ label: monthLabel(month.month, years.size > 1), value: month.listens })))));
  const heat = heatGrid(report.heatmap.weekdays.map((day) => day.slice(0, 3)), report.heatmap.cells, report.heatmap.max).map((line) => INDENT + line);
  if (report.peakHour !== null) heat.push(...wrapText(`peak hour ${hourSpan(report.peakHour)} · busiest weekday ${report.peakWeekday ?? '–'}`));
  lines.push(...section('When you listen', heat));
  lines.push(...section('Sessions and streaks', rhythmLines(report)));
  lines.push(...section('Discoveries', discoveryLines(report)));
  lines.push(...collectionLines(report));
  const { spins, streams } = report.sources;
  const share = spins + streams > 0 ? Math.round((spins / (spins + streams)) * 1000) / 10 : 0;
  lines.push(...section('Spins and streams', [
    ...wrapText(`${plural(spins, 'spin')} of vinyl, CD or cassette · ${formatNumber(streams)} streamed or scrobbled · ${share}% by hand`),
    ...bars(report.sources.bySource.map((row) => ({ label: row.source, value: row.listens }))),
  ]));
  return lines;
}

function rhythmLines(report: WrappedReport): string[] {
  const lines: string[] = [];
  const longest = report.sessions.longest;
  // The end's date only when the session ran past midnight.
  const end = longest && (longest.end.slice(0, 10) === longest.start.slice(0, 10) ? longest.end.slice(11) : longest.end);
  if (longest) lines.push(...wrapText(`longest session ${longest.start} → ${end}: ${plural(longest.minutes, 'minute')}, ${plural(longest.listens, 'listen')}`));
  lines.push(...wrapText(`${plural(report.sessions.count, 'session')}, ${formatNumber(report.sessions.averageMinutes)} minutes and ${formatNumber(report.sessions.averageListens)} listens on average`));
  if (report.longestStreak) lines.push(...wrapText(`longest streak ${plural(report.longestStreak.days, 'day')} (${report.longestStreak.from} → ${report.longestStreak.to})`));
  if (report.busiestDay) lines.push(...wrapText(`busiest day ${report.busiestDay.date} (${plural(report.busiestDay.listens, 'listen')})`));
  return lines;
}

function discoveryLines(report: WrappedReport): string[] {
  const found = report.discovery;
  return [
    ...wrapText(`${plural(found.newArtists, 'new artist')} · ${plural(found.newAlbums, 'new album')} · ${formatNumber(found.regulars)} became regulars (heard on ${found.regularDays}+ days)`),
    ...bars(found.artists.map((artist) => ({ label: artist.name, value: artist.plays }))),
  ];
}

function collectionLines(report: WrappedReport): string[] {
  const { mostPlayed, bought, boughtPlayed, boughtRecords } = report.collection;
  const lines: string[] = [];
  if (mostPlayed) {
    lines.push(...wrapText(`most played record: ${mostPlayed.title} — ${mostPlayed.artist} (${plural(mostPlayed.plays, 'listen')}${mostPlayed.support ? `, ${mostPlayed.support}` : ''})`));
  }
  if (bought > 0) {
    lines.push(...wrapText(`${plural(bought, 'record')} bought, ${formatNumber(boughtPlayed)} played since`));
    lines.push(...bars(boughtRecords.map((record) => ({ label: `${record.title} — ${record.artist}`, value: record.plays }))));
  }
  return section('The collection', lines);
}
