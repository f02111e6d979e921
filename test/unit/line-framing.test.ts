import { describe, expect, it } from 'vitest';
import { LineDecoder } from '../../src/rpc/framing.js';

function decode(chunks: (string | Buffer)[], max?: number) {
  const lines: string[] = [];
  let overflows = 0;
  const decoder = new LineDecoder({ line: (text) => lines.push(text), overflow: () => overflows++ }, max);
  for (const chunk of chunks) decoder.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return { lines, overflows };
}

describe('newline-delimited framing', () => {
  it('splits lines across and within chunks', () => {
    expect(decode(['{"a":1}\n{"b"', ':2}\n\n', '{"c":3}\n']).lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('keeps a multi-byte character split between chunks intact', () => {
    const bytes = Buffer.from('"Björk"\n');
    const split = bytes.indexOf(0xc3) + 1;
    expect(decode([bytes.subarray(0, split), bytes.subarray(split)]).lines).toEqual(['"Björk"']);
  });

  it('drops an oversized line once and resumes at the next newline', () => {
    const result = decode(['x'.repeat(10), 'y'.repeat(10), 'z\n', 'ok\n'], 16);
    expect(result.overflows).toBe(1);
    expect(result.lines).toEqual(['ok']);
  });

  it('says how much of an unfinished line it holds, and when a line ends', () => {
    const decoder = new LineDecoder({ line: () => undefined, overflow: () => undefined }, 16);
    expect(decoder.midLine).toBe(false);
    decoder.push(Buffer.from('{"a":1}\n{"b"'));
    expect(decoder.endedLines).toBe(1);
    expect(decoder.pendingBytes).toBe(4);
    expect(decoder.midLine).toBe(true);
    decoder.push(Buffer.from('x'.repeat(20)));
    expect(decoder.pendingBytes).toBe(0);
    expect(decoder.midLine).toBe(true); // an oversized line is still being skipped
    decoder.push(Buffer.from('\n'));
    expect(decoder.midLine).toBe(false);
    expect(decoder.endedLines).toBe(2);
  });
});
