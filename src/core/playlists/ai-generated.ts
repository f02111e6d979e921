import { UnrecoverableError, UserError } from '../errors.js';
import type { AlgorithmContext } from './ports.js';
import { TrackList, rankWithTies } from './selection.js';

/** The tracks the AI may choose from: the user's most played, as many as one prompt can list. */
const AI_CANDIDATES = 150;

/**
 * ai_generated: the AI picks, for the user's prompt, among their 150 most played tracks.
 * Only ids from that list are kept, each once, at most --max; an answer with no usable
 * id is an error rather than a silent fallback playlist.
 */
export async function aiGenerated(context: AlgorithmContext): Promise<number[]> {
  const prompt = context.prompt?.trim();
  if (!prompt) throw new UserError('ai_generated needs a prompt: aime playlist generate ai_generated --prompt "rainy Sunday jazz"');
  if (!context.ai) throw new UserError('ai_generated needs an AI server: set ai.baseUrl and ai.apiKey (aime config set ai.apiKey …)');
  const pool = rankWithTies(await context.candidates.mostPlayedTracks(AI_CANDIDATES), (t) => t.plays, context.seed);
  if (pool.length === 0) return [];
  const allowed = new Set(pool.map((track) => track.trackId));
  const answer = await context.ai.chooseTracks(prompt, pool, context.max);
  const list = new TrackList(context.max);
  for (const trackId of answer) if (allowed.has(trackId)) list.add(trackId);
  if (list.size === 0) throw new UnrecoverableError('the AI answered without any track from the list it was given; try again or reword the prompt');
  return list.ids();
}
