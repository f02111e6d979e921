/**
 * How our own facts read inside a prompt. Only what AIME itself holds goes in: titles,
 * artists, years, labels, genres, styles and play counts — never Spotify data (its terms
 * forbid feeding it to a model), never a key or a user name.
 */
import type { AiLanguage, AlbumFacts, Counted, ListeningSummary, Ranked, RankedAlbum } from './ports.js';

const WORDS = {
  fr: { by: 'de', year: 'année', labels: 'labels', genres: 'genres', plays: 'écoutes', none: 'aucun' },
  en: { by: 'by', year: 'year', labels: 'labels', genres: 'genres', plays: 'plays', none: 'none' },
} as const;

export function albumTitle(album: AlbumFacts, language: AiLanguage): string {
  const quoted = language === 'fr' ? `« ${album.title} »` : `"${album.title}"`;
  return `${quoted} ${WORDS[language].by} ${album.artists.length > 0 ? album.artists.join(', ') : album.artist}`;
}

/** "« Blue Lines » de Massive Attack (année 1991; labels: …; genres: …; 12 écoutes)" */
export function albumLine(album: AlbumFacts, language: AiLanguage): string {
  const w = WORDS[language];
  const facts: string[] = [];
  if (album.year) facts.push(`${w.year} ${album.year}`);
  if (album.labels.length > 0) facts.push(`${w.labels}: ${album.labels.join(', ')}`);
  const genres = [...album.genres, ...album.styles];
  if (genres.length > 0) facts.push(`${w.genres}: ${genres.join(', ')}`);
  facts.push(`${album.plays} ${w.plays}`);
  return `${albumTitle(album, language)} (${facts.join('; ')})`;
}

export function rankedList(items: readonly Ranked[], language: AiLanguage): string {
  if (items.length === 0) return WORDS[language].none;
  return items.map((item) => `${item.name} (${item.plays} ${WORDS[language].plays})`).join(', ');
}

/** "vinyl (30), cd (12)" */
export function countedList(items: readonly Counted[], language: AiLanguage): string {
  if (items.length === 0) return WORDS[language].none;
  return items.map((item) => `${item.name} (${item.count})`).join(', ');
}

export function rankedAlbums(items: readonly RankedAlbum[], language: AiLanguage): string {
  if (items.length === 0) return WORDS[language].none;
  return items.map((item) => `${item.title} — ${item.artist} (${item.plays} ${WORDS[language].plays})`).join(', ');
}

export function listeningFacts(summary: ListeningSummary, language: AiLanguage): string {
  return language === 'fr'
    ? [
        `Artistes principaux : ${rankedList(summary.topArtists, language)}`,
        `Albums principaux : ${rankedAlbums(summary.topAlbums, language)}`,
        `Nombre total d'écoutes : ${summary.listens}`,
      ].join('\n')
    : [
        `Main artists: ${rankedList(summary.topArtists, language)}`,
        `Main albums: ${rankedAlbums(summary.topAlbums, language)}`,
        `Total plays: ${summary.listens}`,
      ].join('\n');
}

/** A day as people say it, in the configured time zone: "21 novembre 2026". */
export function longDate(epochSeconds: number, language: AiLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(
    new Date(epochSeconds * 1000),
  );
}

export function monthName(epochSeconds: number, language: AiLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone }).format(new Date(epochSeconds * 1000));
}
