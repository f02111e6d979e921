/** `now.*`: what plays outside Roon, as other players report it to the HTTP listener (`playing_now`). */
export interface PlayingElsewhereDto {
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  /** The reporting program ("Navidrome", "Plex via multi-scrobbler"), when it says. */
  readonly client: string | null;
  readonly durationSeconds: number | null;
  /** ISO 8601, UTC: when the report arrived. */
  readonly since: string;
  /** ISO 8601, UTC: when it stops being shown (the track's length, or 10 minutes). */
  readonly until: string;
}

/** What `now.subscribe` returns and every `now.playing` notification carries. */
export interface PlayingElsewhere {
  readonly playing: PlayingElsewhereDto | null;
}

export interface NowMethods {
  /** The current report, then a `now.playing` notification at every change (a new track, or its time up). */
  'now.subscribe': { params: Record<string, never>; result: PlayingElsewhere };
}
