/** The two texts an album gets: a long description and a 35-word presentation. */
import { NotFoundError } from '../errors.js';
import { albumDescriptionPrompt, albumPresentationPrompt, DESCRIPTION_CHARS, PRESENTATION_WORDS } from './prompts.js';
import type { AiDeps, AlbumFacts, AlbumTextKind, StoredText } from './ports.js';
import { cutAtSentence, limitWords, requireProse } from './shape.js';

export interface AlbumText extends StoredText {
  readonly album: { readonly id: number; readonly title: string; readonly artist: string };
  readonly kind: AlbumTextKind;
  /** True when the stored text was returned without asking the model. */
  readonly cached: boolean;
}

export interface AlbumTextRequest {
  /** An album id, or the album's facts when the caller already has them. */
  readonly album: number | AlbumFacts;
  readonly kind?: AlbumTextKind;
  /** Ask again even when a text in the configured language is stored. */
  readonly force?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * The album's description (1,800–2,000 characters, cut at a sentence) or presentation (35
 * words), from the store unless `force`, or written by the model and stored with the model
 * and prompt version that wrote it.
 */
export async function writeAlbumText(deps: AiDeps, request: AlbumTextRequest): Promise<AlbumText> {
  const album = typeof request.album === 'number' ? await deps.facts.albumFacts(request.album) : request.album;
  if (!album) throw new NotFoundError(`no album with id ${String(request.album)}`);
  const kind = request.kind ?? 'description';
  const about = { id: album.id, title: album.title, artist: album.artist };
  const stored = await deps.texts.albumText(album.id, kind);
  if (stored && !request.force && stored.language === deps.language) return { ...stored, album: about, kind, cached: true };

  const prompt = kind === 'description' ? albumDescriptionPrompt(album, deps.language) : albumPresentationPrompt(album, deps.language);
  const answer = await deps.writer.ask(prompt, request.signal);
  const prose = requireProse(answer.text, kind === 'description' ? 'album description' : 'album presentation');
  const text = kind === 'description' ? cutAtSentence(prose, DESCRIPTION_CHARS.max) : limitWords(prose, PRESENTATION_WORDS);
  const result: StoredText = {
    text,
    model: answer.model,
    promptVersion: prompt.version,
    language: deps.language,
    createdAt: Math.floor(deps.clock.now() / 1000),
  };
  await deps.texts.saveAlbumText(album.id, kind, result);
  return { ...result, album: about, kind, cached: false };
}
