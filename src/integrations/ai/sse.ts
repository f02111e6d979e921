/**
 * Server-sent events as OpenAI-compatible servers send them: `data:` lines, events split by
 * a blank line, comment lines (": keep-alive") to skip, and `data: [DONE]` at the end.
 */
export class SseDecoder {
  private buffer = '';

  /** Feeds text as it arrives; returns the data of every complete event in it. */
  push(text: string): string[] {
    this.buffer += text.replace(/\r\n?/g, '\n');
    const events: string[] = [];
    for (let end = this.buffer.indexOf('\n\n'); end >= 0; end = this.buffer.indexOf('\n\n')) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''));
      if (data.length > 0) events.push(data.join('\n'));
    }
    return events;
  }
}
