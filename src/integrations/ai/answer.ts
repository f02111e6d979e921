/**
 * Models wrap their answers in habits a reader must not see: qwen3 thinks aloud in
 * `<think>…</think>`, Apertus fences JSON in ```json. These pure functions take those away.
 */

/** Removes `<think>` blocks, including one left open by an answer cut at max_tokens. */
export function stripThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?(<\/think>|$)/gi, '').trim();
}

/** Removes a code fence that wraps the whole answer (```json … ```), keeping its content. */
export function stripFence(text: string): string {
  const fenced = /^```[\w-]*[ \t]*\n([\s\S]*?)\n?```\s*$/.exec(text.trim());
  return fenced ? fenced[1]!.trim() : text.trim();
}

/** The visible text of a whole answer. */
export function cleanAnswer(text: string): string {
  return stripFence(stripThinking(text));
}

/**
 * Hides `<think>` blocks from a streamed answer whose tags may be split across pieces:
 * feed it every piece, it returns what may be shown now.
 */
export class ThinkingFilter {
  private pending = '';
  private thinking = false;
  private started = false;

  push(piece: string): string {
    this.pending += piece;
    let shown = '';
    for (;;) {
      const tag = this.thinking ? '</think>' : '<think>';
      const at = this.pending.toLowerCase().indexOf(tag);
      if (at >= 0) {
        if (!this.thinking) shown += this.pending.slice(0, at);
        this.pending = this.pending.slice(at + tag.length);
        this.thinking = !this.thinking;
        continue;
      }
      // Keep back what could be the start of a tag split across two pieces.
      const keep = partialTagLength(this.pending, tag);
      if (!this.thinking) shown += this.pending.slice(0, this.pending.length - keep);
      this.pending = this.pending.slice(this.pending.length - keep);
      break;
    }
    return this.trimStart(shown);
  }

  /** What is left once the stream ends. */
  end(): string {
    const rest = this.thinking ? '' : this.pending;
    this.pending = '';
    return this.trimStart(rest);
  }

  /** The blank lines after a think block are not part of the answer. */
  private trimStart(text: string): string {
    if (this.started) return text;
    const trimmed = text.replace(/^\s+/, '');
    if (trimmed) this.started = true;
    return trimmed;
  }
}

function partialTagLength(text: string, tag: string): number {
  const lower = text.toLowerCase();
  for (let length = Math.min(tag.length - 1, lower.length); length > 0; length--) {
    if (tag.startsWith(lower.slice(lower.length - length))) return length;
  }
  return 0;
}
