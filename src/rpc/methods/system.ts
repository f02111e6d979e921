/** `system.*`: what `aime status` and `aime health` show. */
export interface ServiceStatus {
  readonly name: string;
  /** The user's wish (persisted): should it run? */
  readonly active: boolean;
  /** Is it actually running now? */
  readonly running: boolean;
  /** 'running' | 'stopped' | 'not-configured' | 'failed' | 'starting' */
  readonly state: string;
  readonly lastRunAt: string | null;
  readonly lastError: string | null;
  /** Service-specific facts (next poll, cursor, connected core…). */
  readonly details?: Record<string, unknown>;
}

export interface StatusResult {
  readonly version: string;
  /** The configured time zone (times in this result are UTC; people read them in this zone). */
  readonly timezone: string;
  readonly uptimeSeconds: number;
  readonly pid: number;
  readonly socket: string;
  readonly db: { path: string; listens: number; albums: number; artists: number; tracks: number };
  readonly services: Record<string, ServiceStatus>;
  readonly roon: { connected: boolean; coreName: string | null; zones: number };
}

export interface HealthResult {
  readonly ok: boolean;
  readonly db: { writable: boolean; error?: string };
  readonly uptimeSeconds: number;
}

export interface SystemMethods {
  'system.status': { params: Record<string, never>; result: StatusResult };
  'system.health': { params: Record<string, never>; result: HealthResult };
}
