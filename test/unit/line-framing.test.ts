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
});
