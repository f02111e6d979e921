import type { ListenbrainzSubmissionListen, ListenTarget, SubmitVerdict } from '../../core/forwarding/ports.js';
import type { HttpClient, Pacer } from '../http.js';
import { classifyListenbrainzReply, submitVerdict } from './failures.js';

export interface ListenbrainzClientOptions {
  /** The API root, e.g. https://api.listenbrainz.org (or a compatible server's, such as another AIME's). */
  readonly url: string;
  readonly token: string;
  readonly pacer: Pacer;
}

/**
 * Submits listens to ListenBrainz (`POST /1/submit-listens`, `listen_type: import`) through
 * the one HTTP client, one try per call: the forward service decides when to try again, so
 * waiting shows in `aime forward status` and survives restarts.
 */
export class ListenbrainzClient implements ListenTarget {
  private readonly http: HttpClient;
  private readonly options: ListenbrainzClientOptions;

  constructor(http: HttpClient, options: ListenbrainzClientOptions) {
    this.http = http;
    this.options = options;
  }

  async submit(listens: readonly ListenbrainzSubmissionListen[], signal?: AbortSignal): Promise<SubmitVerdict> {
    const response = await this.http.send({
      url: `${this.options.url.replace(/\/+$/, '')}/1/submit-listens`,
      method: 'POST',
      headers: { authorization: `Token ${this.options.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ listen_type: 'import', payload: listens }),
      retries: 0,
      classify: classifyListenbrainzReply,
      pacer: this.options.pacer,
      ...(signal ? { signal } : {}),
    });
    return submitVerdict(response);
  }
}
