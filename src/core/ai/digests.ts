/** Texts about a period or the whole collection: listening haiku, collection haiku, monthly report. */
import { UserError } from '../errors.js';
import { longDate, monthName } from './facts-text.js';
import { localDate, monthRange, previousMonth } from '../time/days.js';
import { collectionHaikuPrompt, listeningHaikuPrompt, monthlyReportPrompt, type Prompt } from './prompts.js';
import type { AiDeps, AiTextKind, StoredText } from './ports.js';
import { haikuLines, requireProse } from './shape.js';

export interface GeneratedText extends StoredText {
  readonly kind: AiTextKind;
  /** What the text is about: "2026-11-14..2026-11-21", "2026-10", "collection", an artist. */
  readonly subject: string;
}

/** Asks, shapes, stores with model and prompt version. */
export async function generateText(
  deps: AiDeps,
  kind: AiTextKind,
  subject: string,
  prompt: Prompt,
  shape: (text: string) => string,
  signal?: AbortSignal,
): Promise<GeneratedText> {
  const answer = await deps.writer.ask(prompt, signal);
  const stored: StoredText = {
    text: shape(answer.text),
    model: answer.model,
    promptVersion: prompt.version,
    language: deps.language,
    createdAt: Math.floor(deps.clock.now() / 1000),
  };
  await deps.texts.saveText(kind, subject, stored);
  return { ...stored, kind, subject };
}

export interface ListeningHaiku extends GeneratedText {
  readonly from: number;
  readonly to: number;
}

/** A haiku on the top 5 artists and albums of the last `days` days (the weekly job uses 7). */
export async function generateListeningHaiku(deps: AiDeps, options: { days: number; signal?: AbortSignal }): Promise<ListeningHaiku> {
  const to = Math.floor(deps.clock.now() / 1000);
  const from = to - options.days * 86_400;
  const summary = await deps.facts.listening(from, to, 5, deps.timeZone);
  if (summary.listens === 0) throw new UserError(`no listens in the last ${options.days} days: nothing to write a haiku about`);
  const period = deps.language === 'fr'
    ? `du ${longDate(from, 'fr', deps.timeZone)} au ${longDate(to, 'fr', deps.timeZone)}`
    : `${longDate(from, 'en', deps.timeZone)} to ${longDate(to, 'en', deps.timeZone)}`;
  const subject = `${localDate(deps.timeZone, from)}..${localDate(deps.timeZone, to)}`;
  const haiku = await generateText(deps, 'listening-haiku', subject, listeningHaikuPrompt(summary, period, deps.language), haikuLines, options.signal);
  return { ...haiku, from, to };
}

/** A haiku on the record collection (its size, formats, genres and a few albums). */
export async function generateCollectionHaiku(deps: AiDeps, options: { sample?: number; signal?: AbortSignal } = {}): Promise<GeneratedText> {
  const collection = await deps.facts.collection(options.sample ?? 5);
  if (collection.albums === 0) throw new UserError('the collection is empty: nothing to write a haiku about (aime import discogs)');
  return generateText(deps, 'collection-haiku', 'collection', collectionHaikuPrompt(collection, deps.language), haikuLines, options.signal);
}

/** The text of a month's listening report; `month` ("2026-10") defaults to the last full month. */
export async function generateMonthlyReport(deps: AiDeps, options: { month?: string; signal?: AbortSignal } = {}): Promise<GeneratedText> {
  const month = options.month ?? previousMonth(deps.clock.now(), deps.timeZone);
  const { from, to } = monthRange(month, deps.timeZone);
  const summary = await deps.facts.listening(from, to, 5, deps.timeZone);
  if (summary.listens === 0) throw new UserError(`no listens in ${month}: nothing to report`);
  const prompt = monthlyReportPrompt(summary, monthName(from, deps.language, deps.timeZone), deps.language);
  return generateText(deps, 'monthly-report', month, prompt, (text) => requireProse(text, 'monthly report'), options.signal);
}
