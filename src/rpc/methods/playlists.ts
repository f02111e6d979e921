/** `playlist.*`: generated and manual playlists, their exports (SPEC §4.5, §5). */
export type PlaylistExportFormat = 'm3u' | 'json' | 'csv' | 'txt';

export interface PlaylistTrackDto {
  /** 1-based. */
  readonly position: number;
  readonly trackId: number;
  readonly title: string;
  readonly artist: string;
  readonly album: string | null;
  readonly durationSeconds: number | null;
}

export interface PlaylistSummaryDto {
  readonly id: number;
  readonly name: string;
  readonly algorithm: string;
  readonly prompt: string | null;
  readonly seed: number | null;
  readonly trackCount: number;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
}

export interface PlaylistDto extends PlaylistSummaryDto {
  readonly tracks: PlaylistTrackDto[];
  /** Null when a track's length is unknown. */
  readonly totalDurationSeconds: number | null;
}

export interface PlaylistMethods {
  'playlist.generate': {
    params: { algorithm: string; max?: number; prompt?: string; name?: string; seed?: number };
    result: PlaylistDto;
  };
  /** Newest first; pageSize 1–500 (default 50). */
  'playlist.list': { params: { page?: number; pageSize?: number }; result: { items: PlaylistSummaryDto[]; total: number; page: number; pageSize: number } };
  'playlist.show': { params: { id: number }; result: PlaylistDto };
  'playlist.remove': { params: { id: number }; result: { id: number; removed: boolean } };
  /** Tracks by id or "Artist - Title"; tracks already in the playlist are skipped. */
  'playlist.add': { params: { id: number; tracks: string[] }; result: { playlist: PlaylistDto; added: number; skipped: number } };
  'playlist.export': { params: { id: number; format: PlaylistExportFormat }; result: { format: PlaylistExportFormat; content: string } };
}
