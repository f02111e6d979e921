// The fake Core's options, its request log entries and its events.
import type { StatusMessage, PairingReport } from './extension-calls.js';
import type { FakeLibrary } from './library.js';
import type { ApprovalMode } from './registry.js';
import type { FakeZoneSpec } from './zone-model.js';

export interface FakeRoonCoreOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  coreId?: string;
  displayName?: string;
  displayVersion?: string;
  /** "held": a registration without a known token waits for `approve()`. Default "auto". */
  approval?: ApprovalMode;
  /** Tokens issued before this Core started: token → extension_id. */
  tokens?: Record<string, string>;
  library?: FakeLibrary;
  /** Default: Living Room (dB, paused on the first library album), Kitchen, Study + Bedroom (grouped), Network Streamer (fixed volume). */
  zones?: FakeZoneSpec[];
  /** Services the Core offers. Default transport:2, browse:1, image:1. */
  services?: string[];
  /** How often the Core pings each extension. Default 5000; 0 = never. */
  pingIntervalMs?: number;
  /** Let time pass by itself: every `intervalMs`, each playing zone advances `seconds` (default intervalMs / 1000). */
  tick?: { intervalMs: number; seconds?: number };
  /** `advance(zone, n)` reports the position once per second, n times, as a real Core does while playing (default: once). */
  seekEverySecond?: boolean;
}

export interface RecordedRequest {
  connectionId: number;
  extensionId: string | undefined;
  service: string;
  name: string;
  requestId: string;
  body: unknown;
  at: number;
}

export interface ConnectionInfo {
  id: number;
  extensionId: string | undefined;
  registered: boolean;
}

export interface FakeRoonCoreEvents {
  request: [RecordedRequest];
  connection: [ConnectionInfo];
  disconnect: [ConnectionInfo];
  'awaiting-approval': [ConnectionInfo];
  registered: [ConnectionInfo & { token: string }];
  status: [StatusMessage];
  pairing: [PairingReport];
  'bad-frame': [{ connectionId: number; error: string }];
}
