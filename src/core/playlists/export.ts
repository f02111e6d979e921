import type { PlaylistDetail } from './ports.js';

export const EXPORT_FORMATS = ['m3u', 'json', 'csv', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * A playlist as a file other tools read. AIME knows tracks by name, not by file, so the
 * M3U location line names the track ("Artist - Title") where a player would expect a path.
 */
export function renderPlaylist(playlist: PlaylistDetail, format: ExportFormat): string {
  switch (format) {
    case 'm3u':
      return m3u(playlist);
    case 'json':
      return json(playlist);
    case 'csv':
      return csv(playlist);
    case 'txt':
      return text(playlist);
  }
}

/** Extended M3U: #EXTINF carries the length (-1 when unknown) and "Artist - Title". */
function m3u(playlist: PlaylistDetail): string {
  const lines = ['#EXTM3U', `#PLAYLIST:${oneLine(playlist.name)}`];
  for (const track of playlist.tracks) {
    const label = `${oneLine(track.artist)} - ${oneLine(track.title)}`;
    lines.push(`#EXTINF:${track.durationSeconds ?? -1},${label}`);
    if (track.album) lines.push(`#EXTALB:${oneLine(track.album)}`);
    lines.push(label);
  }
  return lines.join('\n') + '\n';
}

function json(playlist: PlaylistDetail): string {
  const document = {
    id: playlist.id,
    name: playlist.name,
    algorithm: playlist.algorithm,
    prompt: playlist.aiPrompt,
    createdAt: new Date(playlist.createdAt * 1000).toISOString(),
    tracks: playlist.tracks.map((track) => ({
      position: track.position,
      title: track.title,
      artist: track.artist,
      album: track.album,
      durationSeconds: track.durationSeconds,
    })),
  };
  return JSON.stringify(document, null, 2) + '\n';
}

/** RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted, quotes doubled. */
function csv(playlist: PlaylistDetail): string {
  const rows = [['Position', 'Artist', 'Title', 'Album', 'Duration']];
  for (const track of playlist.tracks) {
    rows.push([String(track.position), track.artist, track.title, track.album ?? '', track.durationSeconds === null ? '' : String(track.durationSeconds)]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function text(playlist: PlaylistDetail): string {
  const lines = [`Playlist: ${playlist.name}`, `Algorithm: ${playlist.algorithm}`];
  if (playlist.aiPrompt) lines.push(`Prompt: ${playlist.aiPrompt}`);
  lines.push('');
  for (const track of playlist.tracks) {
    lines.push(`${track.position}. ${track.artist} - ${track.title}${track.album ? ` (${track.album})` : ''}`);
  }
  return lines.join('\n') + '\n';
}

/** M3U is line-based: a line break inside a name would start a bogus entry. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}
