import type { PlaylistDto, PlaylistSummaryDto } from '../../rpc/methods/playlists.js';
import { formatDuration, type Output } from '../output.js';

export function printPlaylist(out: Output, playlist: PlaylistDto): void {
  const { bold, dim } = out.paint;
  const length = playlist.totalDurationSeconds === null ? '' : ` · ${formatDuration(playlist.totalDurationSeconds)}`;
  out.line(`${bold(`#${playlist.id} ${playlist.name}`)}  ${dim(`${playlist.algorithm} · ${playlist.tracks.length} tracks${length}`)}`);
  if (playlist.prompt) out.line(dim(`prompt: ${playlist.prompt}`));
  if (playlist.tracks.length === 0) {
    out.line(dim(`empty — add tracks: aime playlist add ${playlist.id} "Artist - Title"`));
    return;
  }
  out.table(
    ['#', 'artist', 'title', 'album', 'length'],
    playlist.tracks.map((track) => [track.position, track.artist, track.title, track.album, track.durationSeconds === null ? '' : clock(track.durationSeconds)]),
  );
}

export function printPlaylists(out: Output, playlists: readonly PlaylistSummaryDto[], total = playlists.length): void {
  if (total === 0) {
    out.line('no playlists yet: aime playlist generate top_sessions');
    return;
  }
  if (playlists.length === 0) return;
  out.table(
    ['id', 'name', 'algorithm', 'tracks', 'created'],
    playlists.map((p) => [p.id, p.name, p.algorithm, p.trackCount, p.createdAt.slice(0, 16).replace('T', ' ')]),
  );
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
