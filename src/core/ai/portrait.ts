/** The artist portrait: a long Markdown article, shown as the model writes it. */
import { nameKey } from '../names.js';
import { longDate } from './facts-text.js';
import type { GeneratedText } from './digests.js';
import { artistPortraitPrompt } from './prompts.js';
import type { AiDeps, StoredText } from './ports.js';
import { requireProse } from './shape.js';

export interface PortraitRequest {
  readonly artist: string;
  /** Receives the text piece by piece as it arrives. */
  readonly onText: (piece: string) => void;
  readonly signal?: AbortSignal;
}

/**
 * Streams a portrait of the artist (known from our collection or not: then the model works
 * from its own knowledge alone) and stores it under the artist's name key.
 */
export async function writeArtistPortrait(deps: AiDeps, request: PortraitRequest): Promise<GeneratedText> {
  const known = await deps.facts.artistFacts(request.artist);
  const artist = known ?? { name: request.artist.trim(), listens: 0, albums: [] };
  const today = longDate(Math.floor(deps.clock.now() / 1000), deps.language, deps.timeZone);
  const prompt = artistPortraitPrompt(artist, today, deps.language);
  const answer = await deps.writer.stream(prompt, request.onText, request.signal);
  const stored: StoredText = {
    text: requireProse(answer.text, 'artist portrait'),
    model: answer.model,
    promptVersion: prompt.version,
    language: deps.language,
    createdAt: Math.floor(deps.clock.now() / 1000),
  };
  const subject = nameKey(artist.name);
  await deps.texts.saveText('artist-portrait', subject, stored);
  return { ...stored, kind: 'artist-portrait', subject };
}
