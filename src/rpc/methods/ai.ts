/** `ai.*`: texts written by the AI (EurIA or any OpenAI-compatible server) and its health. */

export interface AiTextResult {
  readonly kind: string;
  /** What the text is about: an album id, "2026-11-14..2026-11-21", "2026-10", "collection", an artist key. */
  readonly subject: string;
  readonly text: string;
  readonly model: string;
  readonly promptVersion: string;
  readonly language: string;
  /** ISO time the text was written. */
  readonly createdAt: string;
}

export interface AiDescribeResult extends AiTextResult {
  readonly album: { readonly id: number; readonly title: string; readonly artist: string };
  /** True when the stored text was returned (no --force, same language). */
  readonly cached: boolean;
}

export interface AiCircuit {
  /** 'closed' (normal), 'open' (failing fast) or 'half-open' (one trial request may go). */
  readonly state: string;
  readonly consecutiveFailures: number;
  readonly openedAt: string | null;
  readonly retryAt: string | null;
  readonly lastError: string | null;
  readonly lastErrorAt: string | null;
}

export interface AiStatusResult {
  readonly configured: boolean;
  /** What to set when not configured. */
  readonly problem: string | null;
  /** The base URL (never the key). */
  readonly baseUrl: string;
  readonly model: string;
  readonly language: string;
  readonly circuit: AiCircuit;
  /** The background describer of new albums. */
  readonly background: { running: boolean; described: number; failed: number; waiting: number; lastRunAt: string | null; lastError: string | null };
}

export interface AiMethods {
  'ai.describe': { params: { album: string; force?: boolean; short?: boolean }; result: AiDescribeResult };
  'ai.haiku': { params: { days?: number; collection?: boolean }; result: AiTextResult };
  'ai.report': { params: { month?: string }; result: AiTextResult };
  /** Streams the text as `ai.text` notifications, then returns it whole. */
  'ai.portrait': { params: { artist: string }; result: AiTextResult };
  'ai.status': { params: Record<string, never>; result: AiStatusResult };
  'ai.models': { params: Record<string, never>; result: { models: string[]; current: string } };
}
