// What the Core asks of a registered extension, as Roon does: it subscribes to the
// extension's pairing and status services (the status text is what Roon's Extensions page
// shows) and pings `com.roonlabs.ping:1` with `Logging: quiet`.
import type { CoreConnection } from './connection.js';
import type { MooMessage } from './moo.js';

export const PAIRING_SERVICE = 'com.roonlabs.pairing:1';
export const STATUS_SERVICE = 'com.roonlabs.status:1';
export const PING_SERVICE = 'com.roonlabs.ping:1';

export interface StatusMessage {
  message: string;
  is_error: boolean;
  extensionId: string;
  connectionId: number;
  at: number;
}

export interface PairingReport {
  paired_core_id: string | undefined;
  extensionId: string;
  connectionId: number;
  at: number;
}

export interface ExtensionCallsOptions {
  /** 0 turns the periodic pings off. */
  pingIntervalMs: number;
  onStatus(status: StatusMessage): void;
  onPairing(report: PairingReport): void;
}

export class ExtensionCalls {
  readonly statusMessages: StatusMessage[] = [];
  readonly pairings: PairingReport[] = [];
  readonly pings = { sent: 0, answered: 0 };
  private readonly timers = new Map<number, NodeJS.Timeout>();

  constructor(private readonly options: ExtensionCallsOptions) {}

  registered(conn: CoreConnection): void {
    const provided = conn.extension?.provided_services ?? [];
    const extensionId = conn.extension?.extension_id ?? '';
    let subscriptionKey = 0;
    if (provided.includes(PAIRING_SERVICE)) {
      conn.request(`${PAIRING_SERVICE}/subscribe_pairing`, { subscription_key: subscriptionKey++ }, {
        onReply: (reply) => {
          const body = bodyOf(reply);
          if (!body) return;
          const paired = body['paired_core_id'];
          const report: PairingReport = {
            paired_core_id: typeof paired === 'string' ? paired : undefined,
            extensionId,
            connectionId: conn.id,
            at: Date.now(),
          };
          this.pairings.push(report);
          this.options.onPairing(report);
        },
      });
    }
    if (provided.includes(STATUS_SERVICE)) {
      conn.request(`${STATUS_SERVICE}/subscribe_status`, { subscription_key: subscriptionKey++ }, {
        onReply: (reply) => {
          const body = bodyOf(reply);
          if (!body || typeof body['message'] !== 'string') return;
          const status: StatusMessage = {
            message: body['message'],
            is_error: body['is_error'] === true,
            extensionId,
            connectionId: conn.id,
            at: Date.now(),
          };
          this.statusMessages.push(status);
          this.options.onStatus(status);
        },
      });
    }
    if (this.options.pingIntervalMs > 0 && provided.includes(PING_SERVICE)) {
      const timer = setInterval(() => void this.ping(conn), this.options.pingIntervalMs);
      timer.unref();
      this.timers.set(conn.id, timer);
    }
  }

  /** Resolves true when the extension answers `COMPLETE Success`. */
  ping(conn: CoreConnection): Promise<boolean> {
    if (!conn.isOpen) return Promise.resolve(false);
    this.pings.sent += 1;
    return new Promise((resolve) => {
      conn.request(`${PING_SERVICE}/ping`, undefined, {
        quiet: true,
        onReply: (reply) => {
          const ok = reply?.verb === 'COMPLETE' && reply.name === 'Success';
          if (ok) this.pings.answered += 1;
          resolve(ok);
        },
      });
    });
  }

  connectionClosed(conn: CoreConnection): void {
    clearInterval(this.timers.get(conn.id));
    this.timers.delete(conn.id);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearInterval(timer);
    this.timers.clear();
  }
}

function bodyOf(reply: MooMessage | undefined): Record<string, unknown> | undefined {
  if (!reply || (reply.name !== 'Subscribed' && reply.name !== 'Changed' && reply.name !== 'Success')) return undefined;
  return typeof reply.body === 'object' && reply.body !== null && !Buffer.isBuffer(reply.body)
    ? (reply.body as Record<string, unknown>)
    : undefined;
}
