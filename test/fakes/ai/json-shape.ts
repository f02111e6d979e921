// Turns the JSON example a prompt describes ("{albums:[{artist, album, year}]}", or strict
// JSON with placeholder values) into a filled-in JSON value, so a client that asks for JSON
// gets the shape it asked for. Keys without values and unquoted keys are accepted.

export type Shape =
  | { readonly kind: 'object'; readonly fields: ReadonlyArray<readonly [string, Shape]> }
  | { readonly kind: 'array'; readonly item: Shape | null }
  | { readonly kind: 'leaf'; readonly example: string };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

class Parser {
  pos = 0;
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  peek(): string {
    this.skip();
    return this.text[this.pos] ?? '';
  }

  expect(ch: string): void {
    if (this.peek() !== ch) throw new SyntaxError(`expected ${ch} at ${this.pos}`);
    this.pos++;
  }

  word(): string {
    this.skip();
    const quote = this.text[this.pos];
    if (quote === '"' || quote === "'") {
      const end = this.text.indexOf(quote, this.pos + 1);
      if (end < 0) throw new SyntaxError('unterminated string');
      const w = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return w;
    }
    const m = /^[^\s,:{}[\]]+/.exec(this.text.slice(this.pos, this.pos + 200));
    if (!m) throw new SyntaxError(`expected a name at ${this.pos}`);
    this.pos += m[0].length;
    return m[0];
  }

  value(): Shape {
    const ch = this.peek();
    if (ch === '{') return this.object();
    if (ch === '[') {
      this.pos++;
      if (this.peek() === ']') {
        this.pos++;
        return { kind: 'array', item: null };
      }
      const item = this.value();
      // Further example items ("[{...}, ...]") only repeat the first one.
      let depth = 1;
      while (depth > 0 && this.pos < this.text.length) {
        const c = this.text[this.pos++];
        if (c === '[') depth++;
        else if (c === ']') depth--;
      }
      return { kind: 'array', item };
    }
    return { kind: 'leaf', example: this.word() };
  }

  object(): Shape {
    this.expect('{');
    const fields: Array<readonly [string, Shape]> = [];
    while (this.peek() !== '}') {
      if (this.peek() === '.') {
        this.word();
      } else {
        const key = this.word();
        let shape: Shape = { kind: 'leaf', example: '' };
        if (this.peek() === ':') {
          this.pos++;
          shape = this.value();
        }
        fields.push([key, shape]);
      }
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== '}') throw new SyntaxError(`expected , or } at ${this.pos}`);
    }
    this.pos++;
    return { kind: 'object', fields };
  }
}

/** The first object-shaped example found in the text, if any. */
export function findShape(text: string): Shape | undefined {
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    try {
      const parser = new Parser(text.slice(start));
      const shape = parser.object();
      if (shape.kind === 'object' && shape.fields.length > 0) return shape;
    } catch {
      // Not an example: braces used for something else. Try the next one.
    }
  }
  return undefined;
}

export interface Filler {
  /** Items per array. */
  readonly count: number;
  readonly words: () => string;
  /** A proper name: artist, album, track, playlist. */
  readonly name: () => string;
  readonly int: (min: number, max: number) => number;
}

export function fillShape(shape: Shape, fill: Filler, key = ''): JsonValue {
  switch (shape.kind) {
    case 'object':
      return Object.fromEntries(shape.fields.map(([k, s]) => [k, fillShape(s, fill, k)]));
    case 'array':
      return Array.from({ length: fill.count }, (_, i) =>
        shape.item ? fillShape(shape.item, fill, key) : `${fill.words()} ${i + 1}`,
      );
    case 'leaf':
      return leaf(key, shape.example, fill);
  }
}

function leaf(key: string, example: string, fill: Filler): JsonValue {
  const k = key.toLowerCase();
  if (/year|ann[ée]e/.test(k)) return fill.int(1962, 2024);
  if (/^(is|has)[_A-Z]|^(is|has)$|enabled|explicit/.test(key) || example === 'true' || example === 'false' || example === 'boolean') {
    return fill.int(0, 1) === 1;
  }
  if (/count|plays|number|score|rating|position|rank|duration|^nb|^n$/.test(k) || example === 'number' || /^-?\d+(\.\d+)?$/.test(example)) {
    return fill.int(1, 100);
  }
  if (/artist|album|title|name|track|song|titre|nom|playlist/.test(k)) return fill.name();
  return fill.words();
}
