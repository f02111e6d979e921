// One paired Roon Core: requests with a timeout, subscriptions, and the one classifier that
// turns Roon's status words into AIME's errors (roon-api.md §1.3, §7.4).
import type { Core, MooReply } from '@roonlabs/node-roon-api';
import { NotFoundError, RetryLaterError, UnrecoverableError, UserError, type AimeError } from '../../core/errors.js';

export interface RoonReply {
  readonly name: string;
  readonly body: unknown;
  readonly contentType?: string;
}

export interface RoonSubscription {
  unsubscribe(): void;
}

export class PairedCore {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  private readonly core: Core;
  private readonly timeoutMs: number;
  private nextSubscriptionKey = 0;

  constructor(core: Core, timeoutMs: number) {
    this.core = core;
    this.id = core.core_id;
    this.name = core.display_name;
    this.version = core.display_version;
    this.timeoutMs = timeoutMs;
  }

  /** One request; resolves on `Success`, rejects with a classified error otherwise or on timeout. */
  request(name: string, body?: unknown): Promise<RoonReply> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        reject(new RetryLaterError(`the Roon Core did not answer ${method(name)} within ${Number((this.timeoutMs / 1000).toFixed(2))} s`));
      }, this.timeoutMs);
      const callback = (msg: MooReply | undefined, reply: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (msg?.name === 'Success') resolve({ name: msg.name, body: reply, contentType: msg.content_type });
        else reject(classifyReply(name, msg, reply));
      };
      if (body === undefined) this.core.moo.send_request(name, callback);
      else this.core.moo.send_request(name, body, callback);
    });
  }

  /**
   * `subscribe_<what>` on a service: `onMessage` gets `Subscribed` and every `Changed`;
   * `onEnd` once, when the Core ends it or the connection drops.
   */
  subscribe(service: string, what: string, args: Record<string, unknown>, onMessage: (name: string, body: unknown) => void, onEnd: () => void): RoonSubscription {
    const key = this.nextSubscriptionKey++;
    let ended = false;
    this.core.moo.send_request(`${service}/subscribe_${what}`, { ...args, subscription_key: key }, (msg, body) => {
      if (ended) return;
      if (msg && (msg.name === 'Subscribed' || msg.name === 'Changed')) {
        onMessage(msg.name, body);
        return;
      }
      ended = true;
      onEnd();
    });
    return {
      unsubscribe: () => {
        if (ended) return;
        ended = true;
        this.core.moo.send_request(`${service}/unsubscribe_${what}`, { subscription_key: key }, () => undefined);
      },
    };
  }
}

function method(name: string): string {
  return name.slice(name.indexOf('/') + 1);
}

/** Roon's replies by status word (never by message text). */
export function classifyReply(name: string, msg: MooReply | undefined, body: unknown): AimeError {
  if (!msg) return new RetryLaterError(`lost the connection to the Roon Core during ${method(name)}`);
  const said = typeof body === 'object' && body !== null ? ((body as { message?: unknown; error?: unknown }).message ?? (body as { error?: unknown }).error) : undefined;
  const text = `Roon refused ${method(name)}: ${msg.name}${typeof said === 'string' ? ` (${said})` : ''}`;
  switch (msg.name) {
    case 'InvalidRequest':
    case 'InvalidItemKey':
    case 'InvalidLevels':
      return new UserError(text, { detail: { roonStatus: msg.name } });
    case 'ZoneNotFound':
    case 'NotFound':
      return new NotFoundError(text, { detail: { roonStatus: msg.name } });
    default:
      return new UnrecoverableError(text, { detail: { roonStatus: msg.name } });
  }
}
