import { writeAlbumText } from '../../core/ai/album-texts.js';
import type { AlbumDescriber } from '../services/album-describer.js';
import { generateCollectionHaiku, generateListeningHaiku, generateMonthlyReport, type GeneratedText } from '../../core/ai/digests.js';
import { writeArtistPortrait } from '../../core/ai/portrait.js';
import type { StoredText } from '../../core/ai/ports.js';
import type { AiTextResult } from '../../rpc/methods/ai.js';
import type { AiParts } from '../../wiring/ai.js';
import { asParams, invalid, optionalBool, optionalInt, optionalString, requiredString } from './params.js';
import { handlerTable } from './typed.js';

export interface AiHandlerDeps {
  readonly ai: AiParts;
  readonly describer: AlbumDescriber;
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
    'ai.describe': async (raw, context) => {
      const params = asParams(raw);
      const query = requiredString(params, 'album');
      const ai = deps.ai.deps();
      const album = await ai.facts.findAlbum(query);
      const kind = optionalBool(params, 'short') ? 'presentation' : 'description';
      const text = await writeAlbumText(ai, { album, kind, force: optionalBool(params, 'force') ?? false, signal: context.signal });
      return { ...textResult(kind, String(album.id), text), album: text.album, cached: text.cached };
    },
    'ai.haiku': async (raw, context) => {
      const params = asParams(raw);
      const days = optionalInt(params, 'days', { min: 1, max: 3660 });
      if (optionalBool(params, 'collection')) {
        if (days !== undefined) throw invalid('days', 'absent when collection is true');
        return generated(await generateCollectionHaiku(deps.ai.deps(), { signal: context.signal }));
      }
      return generated(await generateListeningHaiku(deps.ai.deps(), { days: days ?? 7, signal: context.signal }));
    },
    'ai.report': async (raw, context) => {
      const month = optionalString(asParams(raw), 'month');
      return generated(await generateMonthlyReport(deps.ai.deps(), { month, signal: context.signal }));
    },
    'ai.portrait': async (raw, context) => {
      const artist = requiredString(asParams(raw), 'artist');
      const portrait = await writeArtistPortrait(deps.ai.deps(), {
        artist,
        onText: (text) => context.notify('ai.text', { requestId: context.requestId, text }),
        signal: context.signal,
      });
      return generated(portrait);
    },
    'ai.status': async () => {
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
    'ai.models': async (_raw, context) => ({ models: await deps.ai.client.models(context.signal), current: deps.settings().model }),
  });
}
