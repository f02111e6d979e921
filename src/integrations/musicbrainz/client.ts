import { RetryLaterError, type AimeError } from '../../core/errors.js';
import type { AlbumCandidate } from '../../core/enrichment/match.js';
import { MinIntervalPacer, defaultClassifier, type HttpClient, type HttpResponse } from '../http.js';
import type { RecordingCandidate } from '../../core/durations/ports.js';
import {
  frontCover, toRecordingCandidate, toRecordingCandidates, toReleaseGroupCandidates, type CoverArtReply, type RecordingReply, type RecordingSearchReply, type ReleaseGroupSearchReply,
} from './mapper.js';

export interface MusicbrainzSettings {
  readonly apiUrl: string;
  readonly coverartUrl: string;
}

/** MusicBrainz allows one request per second; the margin keeps arrival gaps above it too. */
const MUSICBRAINZ_INTERVAL_MS = 1050;

/**
 * Release-group and recording search on MusicBrainz, recording lookups, and front covers
 * from the Cover Art Archive, each paced to one request per second (one pacer for every
 * /ws/2 request); 503 ("slow down") is retried with backoff.
 */
export class MusicbrainzClient {
  private readonly http: HttpClient;
  private readonly settings: MusicbrainzSettings;
  private readonly pacer = new MinIntervalPacer(MUSICBRAINZ_INTERVAL_MS);
  private readonly coverPacer = new MinIntervalPacer(MUSICBRAINZ_INTERVAL_MS);

  constructor(http: HttpClient, settings: MusicbrainzSettings) {
    this.http = http;
    this.settings = settings;
  }

  async searchReleaseGroups(artist: string, title: string, signal?: AbortSignal): Promise<AlbumCandidate[]> {
    const query = `releasegroup:"${luceneQuoted(title)}" AND artist:"${luceneQuoted(artist)}"`;
    const url = `${this.base()}/release-group/?fmt=json&limit=10&query=${encodeURIComponent(query)}`;
    const reply = await this.http.json<ReleaseGroupSearchReply>({ url, pacer: this.pacer, signal });
    return toReleaseGroupCandidates(reply);
  }

  /** Recordings of this title by this artist, best first, with their lengths and releases. */
  async searchRecordings(artist: string, title: string, signal?: AbortSignal): Promise<RecordingCandidate[]> {
    const query = `recording:"${luceneQuoted(title)}" AND artist:"${luceneQuoted(artist)}"`;
    const url = `${this.base()}/recording/?fmt=json&limit=10&query=${encodeURIComponent(query)}`;
    return toRecordingCandidates(await this.http.json<RecordingSearchReply>({ url, pacer: this.pacer, signal }));
  }

  /** One recording by its id; null when MusicBrainz does not know it (404). */
  async recording(mbid: string, signal?: AbortSignal): Promise<RecordingCandidate | null> {
    const url = `${this.base()}/recording/${encodeURIComponent(mbid)}?fmt=json&inc=artist-credits+releases`;
    const response = await this.http.send({ url, pacer: this.pacer, classify: classifyLookup, signal });
    if (response.status === 404 || response.status === 400) return null;
    try {
      return toRecordingCandidate(JSON.parse(response.body) as RecordingReply);
    } catch (error) {
      throw new RetryLaterError('MusicBrainz sent a reply that is not JSON', { cause: error });
    }
  }

  private base(): string {
    return this.settings.apiUrl.replace(/\/+$/, '');
  }

  /** The 500 px front cover of a release group, or null when the archive has none. */
  async releaseGroupCover(releaseGroupId: string, signal?: AbortSignal): Promise<string | null> {
    const url = `${this.settings.coverartUrl.replace(/\/+$/, '')}/release-group/${releaseGroupId}`;
    const response = await this.http.send({ url, pacer: this.coverPacer, classify: classifyCoverArt, signal });
    if (response.status === 404) return null;
    try {
      return frontCover(JSON.parse(response.body) as CoverArtReply);
    } catch (error) {
      throw new RetryLaterError('the Cover Art Archive sent a reply that is not JSON', { cause: error });
    }
  }
}

/** No art is an answer, not a failure. */
function classifyCoverArt(response: HttpResponse): AimeError | undefined {
  return response.status === 404 ? undefined : defaultClassifier(response);
}

/** An unknown id (404) or one MusicBrainz cannot read (400) is an answer: no such recording. */
function classifyLookup(response: HttpResponse): AimeError | undefined {
  return response.status === 404 || response.status === 400 ? undefined : defaultClassifier(response);
}

function luceneQuoted(text: string): string {
  return text.replace(/[\\"]/g, (c) => `\\${c}`);
}
