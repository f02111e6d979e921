import { createHash } from 'node:crypto';
import type { AiLanguage, AiWriter } from '../ai/ports.js';
import { errorMessage } from '../errors.js';
import type { Clock } from '../ports.js';
import type { NarratedReview, ParagraphNote, YearInReview } from './model.js';
import { writeYearParagraph, yearParagraphPrompt } from './narration.js';
import type { ParagraphStore } from './ports.js';

/**
 * The AI paragraph of a year in review, kept apart from the figures so they never wait on
 * it: the caller waits `waitMs` at most, then goes on without it. A paragraph is stored
 * with its model and prompt version under the figures it was written from, so the next run
 * for the same figures (and language) shows it without asking again; one that arrives after
 * the wait is stored too, for the next run.
 */
export interface NarratorDeps {
  readonly writer: AiWriter;
  readonly store: ParagraphStore;
  readonly clock: Clock;
  /** Why the AI cannot be asked (a setting missing); undefined when it can. Read on each use. */
  readonly problem: () => string | undefined;
  /** Every failed request, for the log: one that fails after its caller stopped waiting is heard of nowhere else. */
  readonly onFailure?: (error: unknown) => void;
}

export interface NarrationRequest {
  /** False: no paragraph (`--no-ai`). */
  readonly ai: boolean;
  /** Ask again even when a paragraph for these figures is stored. */
  readonly force: boolean;
  readonly language: AiLanguage;
  /** How long the caller waits for the answer (ms). */
  readonly waitMs: number;
  /** How long the AI may take in all, waiting included, before its request is abandoned (ms). */
  readonly giveUpMs: number;
}

type Paragraph = { text: string; model: string };

/**
 * Where a paragraph is stored: the period, and a digest of the prompt, which holds every
 * figure the model is told, the language and the prompt version. New listens in the period
 * change the figures, so the stored paragraph no longer matches and a new one is written.
 */
export function paragraphSubject(report: YearInReview, language: AiLanguage): string {
  const prompt = yearParagraphPrompt(report, language);
  const digest = createHash('sha256').update(JSON.stringify([prompt.version, prompt.messages])).digest('hex').slice(0, 16);
  return `${report.from}..${report.to} ${digest}`;
}

/** One per process: it remembers the paragraphs being written, so a second run joins the first one's request. */
export class YearNarrator {
  private readonly deps: NarratorDeps;
  private readonly writing = new Map<string, Promise<Paragraph | null>>();
  private stopping = new AbortController();

  constructor(deps: NarratorDeps) {
    this.deps = deps;
  }

  /** Paragraphs being written now (some for callers that stopped waiting). */
  get inProgress(): number {
    return this.writing.size;
  }

  /** Abandons every paragraph being written: a process that ends does not wait for the AI. */
  abandonAll(): void {
    this.stopping.abort();
    this.stopping = new AbortController();
  }

  async narrate(report: YearInReview, request: NarrationRequest): Promise<NarratedReview> {
    const settled = (note: ParagraphNote, ai: Paragraph | null = null): NarratedReview => ({ ...report, ai, paragraph: note });
    if (!request.ai) return settled({ status: 'off', message: null });
    const problem = this.deps.problem();
    if (problem) return settled({ status: 'not-configured', message: `no AI paragraph, the AI is not configured: ${problem}` });
    if (report.listens === 0) return settled({ status: 'nothing-to-tell', message: null });

    const subject = paragraphSubject(report, request.language);
    if (!request.force) {
      const stored = await this.deps.store.stored(subject, request.language);
      if (stored) return settled({ status: 'stored', message: null }, { text: stored.text, model: stored.model });
    }
    const writing = this.writing.get(subject) ?? this.write(report, subject, request);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), request.waitMs);
    });
    try {
      const answer = await Promise.race([writing, late]);
      if (answer === 'late') {
        const seconds = Math.round(request.waitMs / 100) / 10;
        return settled({ status: 'late', message: `no AI paragraph: the AI did not answer within ${seconds} s (wrapped.aiWaitSeconds); it goes on writing, and the next run shows it` });
      }
      if (answer === null) return settled({ status: 'nothing-to-tell', message: null });
      return settled({ status: 'written', message: null }, answer);
    } catch (error) {
      return settled({ status: 'failed', message: `no AI paragraph: ${errorMessage(error)}` });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Asks, stores the answer, and forgets the request once it is settled, whoever still waits for it. */
  private write(report: YearInReview, subject: string, request: NarrationRequest): Promise<Paragraph | null> {
    const abandoned = this.stopping.signal;
    const writing = (async () => {
      const signal = AbortSignal.any([AbortSignal.timeout(request.giveUpMs), abandoned]);
      const paragraph = await writeYearParagraph(this.deps.writer, report, request.language, signal);
      if (paragraph) {
        const prompt = yearParagraphPrompt(report, request.language);
        await this.deps.store.save(subject, {
          ...paragraph, promptVersion: prompt.version, language: request.language, createdAt: Math.floor(this.deps.clock.now() / 1000),
        });
      }
      return paragraph;
    })();
    this.writing.set(subject, writing);
    writing.then(
      () => this.writing.delete(subject),
      (error: unknown) => {
        this.writing.delete(subject);
        if (!abandoned.aborted) this.deps.onFailure?.(error);
      },
    );
    return writing;
  }
}
