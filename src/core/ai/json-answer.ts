/**
 * JSON from a model's answer, which may come after a sentence ("Here is the JSON:"), inside
 * a code fence, or with a trailing comma. Callers validate the shape and fall back.
 */

/**
 * The JSON value in an answer: the answer itself, the content of a fence inside it, or the
 * first balanced {…} or […] in it (after a preamble). Undefined when none parses.
 */
export function parseJsonAnswer(text: string): unknown {
  const cleaned = text.trim();
  const candidates = [cleaned];
  const inner = /```[\w-]*\s*\n([\s\S]*?)```/.exec(cleaned);
  if (inner) candidates.push(inner[1]!);
  const block = balancedBlock(cleaned);
  if (block) candidates.push(block);
  for (const candidate of candidates) {
    for (const attempt of [candidate, candidate.replace(/,\s*([}\]])/g, '$1')]) {
      try {
        return JSON.parse(attempt) as unknown;
      } catch {
        // next candidate
      }
    }
  }
  return undefined;
}

function balancedBlock(text: string): string | undefined {
  const start = text.search(/[{[]/);
  if (start < 0) return undefined;
  const open = text[start]!;
  const close = open === '{' ? '}' : ']';
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === open) depth++;
    else if (ch === close && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

