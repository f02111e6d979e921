import { writeAlbumText } from '../../core/ai/album-texts.js';
import { generateCollectionHaiku, generateListeningHaiku, generateMonthlyReport, type GeneratedText } from '../../core/ai/digests.js';
import { writeArtistPortrait } from '../../core/ai/portrait.js';
import type { StoredText } from '../../core/ai/ports.js';
import type { AiTextResult } from '../../rpc/methods/ai.js';
import type { AiParts } from '../../wiring/ai.js';
import { bool, filledText, int, invalid, optional, text } from './params.js';
import { handlerTable, NO_PARAMS } from './typed.js';

/** The background describer of new albums, as `ai.status` reports it. */
export interface DescriberProgress {
  report(): { running: boolean; lastRunAt: Date | null; lastError: string | null; details: { described: number; failed: number } };
  /** Albums still to describe. */
  waiting(): Promise<number>;
}

export interface AiHandlerDeps {
  readonly ai: AiParts;
  readonly describer: DescriberProgress;
  readonly settings: () => { baseUrl: string; model: string; language: string };
}

function textResult(kind: string, subject: string, text: StoredText): AiTextResult {
  return {
    kind,
    subject,
    text: text.text,
    model: text.model,
    promptVersion: text.promptVersion,
    language: text.language,
    createdAt: new Date(text.createdAt * 1000).toISOString(),
  };
}

const generated = (text: GeneratedText): AiTextResult => textResult(text.kind, text.subject, text);

export function aiHandlers(deps: AiHandlerDeps) {
  return handlerTable<'ai.describe' | 'ai.haiku' | 'ai.report' | 'ai.portrait' | 'ai.status' | 'ai.models'>({
    'ai.describe': {
      params: { album: filledText(), force: optional(bool()), short: optional(bool()) },
      run: async (params, context) => {
        const ai = deps.ai.deps();
        const album = await ai.facts.findAlbum(params.album);
        const kind = params.short ? 'presentation' : 'description';
        const text = await writeAlbumText(ai, { album, kind, force: params.force ?? false, signal: context.signal });
        return { ...textResult(kind, String(album.id), text), album: text.album, cached: text.cached };
      },
    },
    'ai.haiku': {
      params: { days: optional(int({ min: 1, max: 3660 })), collection: optional(bool()) },
      run: async (params, context) => {
        if (params.collection) {
          if (params.days !== undefined) throw invalid('days', 'absent when collection is true');
          return generated(await generateCollectionHaiku(deps.ai.deps(), { signal: context.signal }));
        }
        return generated(await generateListeningHaiku(deps.ai.deps(), { days: params.days ?? 7, signal: context.signal }));
      },
    },
    'ai.report': {
      params: { month: optional(text()) },
      run: async (params, context) => generated(await generateMonthlyReport(deps.ai.deps(), { month: params.month, signal: context.signal })),
    },
    'ai.portrait': {
      params: { artist: filledText() },
      run: async (params, context) => {
        const portrait = await writeArtistPortrait(deps.ai.deps(), {
          artist: params.artist,
          onText: (text) => context.notify('ai.text', { requestId: context.requestId, text }),
          signal: context.signal,
        });
        return generated(portrait);
      },
    },
    'ai.status': {
      params: NO_PARAMS,
      run: async () => {
        const settings = deps.settings();
        const problem = deps.ai.problem() ?? null;
        const background = deps.describer.report();
        return {
          configured: problem === null,
          problem,
          baseUrl: settings.baseUrl,
          model: settings.model,
          language: settings.language,
          circuit: deps.ai.client.circuit(),
          background: {
            running: background.running,
            described: background.details.described,
            failed: background.details.failed,
            waiting: await deps.describer.waiting(),
            lastRunAt: background.lastRunAt ? background.lastRunAt.toISOString() : null,
            lastError: background.lastError,
          },
        };
      },
    },
    'ai.models': {
      params: NO_PARAMS,
      run: async (_params, context) => ({ models: await deps.ai.client.models(context.signal), current: deps.settings().model }),
    },
  });
}
