/**
 * A playlist chosen by the model from a prompt ("rainy Sunday jazz"). The model only sees
 * candidate tracks by our own ids and may only answer with those: its answer is cleaned of
 * ids it made up and of repeats, so a playlist never holds a track twice.
 */
import { UnrecoverableError } from '../errors.js';
import { parseJsonAnswer } from './json-answer.js';
import { MAX_PROMPT_CANDIDATES, playlistSelectionPrompt, type CandidateTrack } from './prompts.js';
import type { AiLanguage, AiWriter } from './ports.js';

export type { CandidateTrack } from './prompts.js';

export interface TrackSelectionDeps {
  readonly writer: AiWriter;
  readonly language: AiLanguage;
}

export interface TrackSelectionRequest {
  readonly prompt: string;
  /** The tracks the model may choose from (the first 150 are shown to it). */
  readonly candidates: readonly CandidateTrack[];
  readonly max: number;
  readonly signal?: AbortSignal;
}

export interface TrackSelection {
  /** Candidate ids in the model's order, each once, at most `max`. */
  readonly trackIds: number[];
  readonly model: string;
  readonly promptVersion: string;
  /** Ids the model answered that were not among the candidates. */
  readonly unknown: number;
  readonly duplicates: number;
}

export async function selectTracksForPrompt(deps: TrackSelectionDeps, request: TrackSelectionRequest): Promise<TrackSelection> {
  const shown = request.candidates.slice(0, MAX_PROMPT_CANDIDATES);
  if (shown.length === 0) throw new UnrecoverableError('no tracks to choose from: the library has no tracks yet');
  const max = Math.max(1, request.max);
  const min = Math.min(max, Math.max(1, Math.ceil(max * 0.8)));
  const prompt = playlistSelectionPrompt(request.prompt, shown, { min, max }, deps.language);
  const answer = await deps.writer.ask(prompt, request.signal);
  const cleaned = cleanTrackIds(answerIds(answer.text), new Set(shown.map((track) => track.id)), max);
  if (cleaned.trackIds.length === 0) throw new UnrecoverableError('the AI chose none of the tracks it was offered');
  return { ...cleaned, model: answer.model, promptVersion: prompt.version };
}

/**
 * The ids in an answer: {"ids": [...]}, a bare array, {"tracks": [{"id": …}]}, or — when
 * the JSON is unusable — the numbers of a comma-separated list ("12, 5, 31").
 */
export function answerIds(text: string): unknown[] {
  const value = parseJsonAnswer(text);
  const list = Array.isArray(value) ? value : listIn(value);
  if (list) return list.map((item) => (typeof item === 'object' && item !== null && 'id' in item ? (item as { id: unknown }).id : item));
  return (text.match(/\b\d+\b/g) ?? []).map(Number);
}

function listIn(value: unknown): unknown[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  for (const key of ['ids', 'tracks', 'trackIds', 'track_ids', 'playlist']) if (Array.isArray(record[key])) return record[key] as unknown[];
  return Object.values(record).find(Array.isArray) as unknown[] | undefined;
}

/** Keeps candidate ids only, each once, in order, at most `max`. */
export function cleanTrackIds(raw: readonly unknown[], allowed: ReadonlySet<number>, max: number): { trackIds: number[]; unknown: number; duplicates: number } {
  const trackIds: number[] = [];
  let unknown = 0;
  let duplicates = 0;
  for (const item of raw) {
    const id = typeof item === 'number' ? item : typeof item === 'string' && /^\s*\d+\s*$/.test(item) ? Number(item) : Number.NaN;
    if (!Number.isInteger(id) || !allowed.has(id)) unknown++;
    else if (trackIds.includes(id)) duplicates++;
    else if (trackIds.length < max) trackIds.push(id);
  }
  return { trackIds, unknown, duplicates };
}
