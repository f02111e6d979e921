import type { Service, ServiceReport } from './registry.js';

/** The narrator's paragraphs in progress (core's YearNarrator). */
export interface ParagraphsInProgress {
  readonly inProgress: number;
  abandonAll(): void;
}

/**
 * `wrapped-paragraphs`: the AI paragraphs of `aime wrapped` still being written after their
 * caller stopped waiting (they are stored for the next run). Nothing to start; stopping the
 * daemon abandons them, so a slow AI never holds up its shutdown.
 */
export class WrappedParagraphs implements Service {
  readonly name = 'wrapped-paragraphs';
  private readonly paragraphs: ParagraphsInProgress;
  private running = false;

  constructor(paragraphs: ParagraphsInProgress) {
    this.paragraphs = paragraphs;
  }

  async start(): Promise<void> {
    this.running = true;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.paragraphs.abandonAll();
  }

  report(): ServiceReport {
    return { running: this.running, details: { writing: this.paragraphs.inProgress } };
  }
}
