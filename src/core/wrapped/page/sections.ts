import type { YearInReview } from '../model.js';
import { periodName } from '../period.js';
import { heatCellsSvg, monthCurveSvg } from './charts.js';
import type { CoverImages } from './covers.js';
import { card, cover, figure, rankedList, spotlight } from './pieces.js';
import { count, counted, hourSpan, html, monthLabel } from './text.js';

/** The page's sections, each a pure function of the report (and the cover bytes). Lines given to spotlight() are escaped here. */

export function heroSection(report: YearInReview): string {
  const name = periodName(report);
  const title = name !== null ? `Your ${name} in music` : 'Your listening in review';
  const top = report.topArtists[0];
  const headline = top
    ? `<p class="headline">Your top artist: <span class="accent top-artist">${html(top.name)}</span> <span class="muted">(${counted(top.plays, 'play')})</span></p>`
    : '';
  const figures = report.listens > 0
    ? `<ul class="figures">${[
        figure(count(report.listens), 'listens'),
        figure(count(report.hours), 'hours'),
        figure(count(report.activeDays), `active days of ${count(report.days)}`),
        figure(count(report.longestStreak?.days ?? 0), 'days in a row at best'),
        figure(count(report.artists), 'artists'),
        figure(count(report.discovery.newArtists), 'new artists'),
      ].join('')}</ul>`
    : '';
  return `<header class="hero"><h1>${html(title)}</h1><p class="period">${html(report.from)} → ${html(report.to)} · ${html(report.timezone)}</p>${headline}${figures}</header>`;
}

export function emptySection(report: YearInReview): string {
  const name = periodName(report);
  const when = name !== null ? `in ${name}` : 'in this period';
  return `<section class="card empty"><h2>Nothing heard ${html(when)} yet</h2>`
    + '<p>No listens to count. Import your history with <code>aime import lastfm</code>, record new plays with '
    + '<code>aime service start lastfm-tracker</code>, or log a record with <code>aime spin</code> — this page fills itself in.</p></section>';
}

export function paragraphSection(report: YearInReview): string {
  return report.ai ? card('Your year, in a few words', `<p class="paragraph">${html(report.ai.text)}</p><p class="muted">Written by ${html(report.ai.model)}.</p>`) : '';
}

export function albumOfTheYearSection(report: YearInReview, covers: CoverImages): string {
  const best = report.albumOfTheYear;
  if (!best) return '';
  return card('Album of the year', spotlight(best, [
    `Played from start to end <b>${counted(best.completePlays, 'time')}</b> — ${counted(best.plays, 'listen')} in all.`,
  ], covers), 'wide');
}

export function topArtistsSection(report: YearInReview): string {
  return card('Top artists', rankedList(report.topArtists.map((artist) => ({ name: artist.name, plays: artist.plays }))));
}

export function topTracksSection(report: YearInReview): string {
  return card('Top tracks', rankedList(report.topTracks.map((track) => ({ name: track.title, by: track.artist, plays: track.plays }))));
}

export function topAlbumsSection(report: YearInReview, covers: CoverImages): string {
  const items = report.topAlbums.map((album, i) => `<li>${cover(album, covers)}<div class="title">${i + 1}. ${html(album.title)}</div>`
    + `<div class="muted name">${html(album.artist)}</div><div class="muted">${counted(album.plays, 'play')}</div></li>`);
  return card('Top albums', `<ol class="albums">${items.join('')}</ol>`, 'wide');
}

export function monthsSection(report: YearInReview): string {
  const years = new Set(report.months.map((month) => month.month.slice(0, 4)));
  const points = report.months.map((month) => ({ label: monthLabel(month.month, years.size > 1), value: month.listens }));
  const busiest = report.months.reduce((best, month) => (month.listens > best.listens ? month : best), { month: '', listens: 0 });
  const note = busiest.listens > 0 ? `<p class="muted">Busiest month: ${html(monthLabel(busiest.month, years.size > 1))} (${counted(busiest.listens, 'listen')}).</p>` : '';
  return card('Month by month', monthCurveSvg(points, 'Listens per month') + note, 'wide');
}

export function heatmapSection(report: YearInReview): string {
  const { cells, weekdays, max } = report.heatmap;
  const quarter = (n: number) => count(Math.ceil((max * n) / 4));
  const legend = `<div class="legend"><span><i class="l0"></i>none</span><span><i class="l1"></i>1–${quarter(1)}</span>`
    + `<span><i class="l2"></i>–${quarter(2)}</span><span><i class="l3"></i>–${quarter(3)}</span><span><i></i>–${count(max)} listens</span></div>`;
  const peak = report.peakHour !== null ? `<p class="muted">Peak hour ${hourSpan(report.peakHour)} · busiest weekday ${html(report.peakWeekday ?? '–')}.</p>` : '';
  return card('When you listen', heatCellsSvg(cells, weekdays.map((day) => day.slice(0, 3)), max, 'Listens per hour and weekday') + legend + peak, 'wide');
}

export function rhythmSection(report: YearInReview): string {
  const lines: string[] = [];
  const longest = report.sessions.longest;
  if (longest) {
    // The end's date only when the session ran past midnight.
    const end = longest.end.slice(0, 10) === longest.start.slice(0, 10) ? longest.end.slice(11) : longest.end;
    lines.push(`<p>Longest session: <b>${counted(longest.minutes, 'minute')}</b>, ${counted(longest.listens, 'listen')} (${html(longest.start)} → ${html(end)}).</p>`);
  }
  lines.push(`<p>${counted(report.sessions.count, 'session')}, ${count(report.sessions.averageMinutes)} minutes and ${count(report.sessions.averageListens)} listens on average.</p>`);
  if (report.longestStreak) lines.push(`<p>Longest streak: <b>${counted(report.longestStreak.days, 'day')}</b> (${html(report.longestStreak.from)} → ${html(report.longestStreak.to)}).</p>`);
  if (report.busiestDay) lines.push(`<p>Busiest day: ${html(report.busiestDay.date)} (${counted(report.busiestDay.listens, 'listen')}).</p>`);
  lines.push(`<p class="muted">${count(report.dailyAverage)} listens a day on average.</p>`);
  return card('Sessions and streaks', lines.join(''));
}

export function discoverySection(report: YearInReview): string {
  const found = report.discovery;
  const intro = `<p><b>${counted(found.newArtists, 'new artist')}</b> and ${counted(found.newAlbums, 'new album')}; `
    + `<b>${count(found.regulars)}</b> of the artists became regulars (heard on ${found.regularDays} or more different days).</p>`;
  const list = found.artists.length ? rankedList(found.artists.map((artist) => ({ name: artist.name, by: `first heard ${artist.firstHeard}`, plays: artist.plays }))) : '';
  return card('Discoveries', intro + list);
}

export function collectionSection(report: YearInReview, covers: CoverImages): string {
  const { mostPlayed, bought, boughtPlayed, boughtRecords } = report.collection;
  if (!mostPlayed && bought === 0) return '';
  const parts: string[] = [];
  if (mostPlayed) {
    parts.push('<h3>Most played record of the collection</h3>');
    parts.push(spotlight(mostPlayed, [`${counted(mostPlayed.plays, 'listen')}${mostPlayed.support ? ` · ${html(mostPlayed.support)}` : ''}`], covers));
  }
  if (bought > 0) {
    parts.push(`<h3>Bought</h3><p><b>${counted(bought, 'record')}</b> joined the collection; ${count(boughtPlayed)} of them were played since.</p>`);
    parts.push(rankedList(boughtRecords.map((record) => ({
      name: record.title, by: `${record.artist} · ${record.support ?? 'record'} · added ${record.addedOn}`, plays: record.plays,
    }))));
  }
  return card('The collection', parts.join(''), 'wide');
}

export function sourcesSection(report: YearInReview): string {
  const { spins, streams, bySource } = report.sources;
  const total = spins + streams;
  const share = total > 0 ? Math.round((spins / total) * 1000) / 10 : 0;
  const split = `<div class="split" role="img" aria-label="${html(`${share}% of listens were records played by hand`)}"><div class="spins" style="width: ${share}%"></div></div>`;
  const intro = `<p><b>${counted(spins, 'spin')}</b> of vinyl, CD or cassette and ${count(streams)} streamed or scrobbled listens: ${share}% by hand.</p>`;
  return card('Spins and streams', intro + split + rankedList(bySource.map((row) => ({ name: row.source, plays: row.listens })), 'listen'));
}
