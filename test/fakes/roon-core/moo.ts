// MOO/1 framing, byte for byte as @roonlabs/node-roon-api 1.2.3 writes and parses it
// (moo.js `parse`, moomsg.js): LF line endings, Content-Length counted in bytes, no
// Content-* headers on a message without a body, non-JSON bodies handed over as raw bytes.

export type MooVerb = 'REQUEST' | 'CONTINUE' | 'COMPLETE';

export interface MooMessage {
  verb: MooVerb;
  /** For REQUEST: the part of the name before the first `/`. */
  service?: string;
  /** For REQUEST the method, otherwise the status word (`Success`, `Changed`, …). */
  name: string;
  requestId: string;
  headers: Record<string, string>;
  contentType?: string;
  /** Parsed JSON for `application/json`, a Buffer for any other content type. */
  body?: unknown;
}

export interface OutgoingMoo {
  verb: MooVerb;
  name: string;
  requestId: string | number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export function encodeMoo(message: OutgoingMoo): Buffer {
  let payload: Buffer | undefined;
  let contentType = message.contentType;
  if (Buffer.isBuffer(message.body)) {
    if (!contentType) throw new Error('a binary MOO body needs a content type');
    payload = message.body;
  } else if (message.body !== undefined) {
    payload = Buffer.from(JSON.stringify(message.body), 'utf8');
    contentType ??= 'application/json';
  }
  const lines = [`MOO/1 ${message.verb} ${message.name}`, `Request-Id: ${message.requestId}`];
  for (const [key, value] of Object.entries(message.headers ?? {})) lines.push(`${key}: ${value}`);
  if (payload) lines.push(`Content-Length: ${payload.length}`, `Content-Type: ${contentType}`);
  const head = Buffer.from(`${lines.join('\n')}\n\n`, 'utf8');
  return payload ? Buffer.concat([head, payload]) : head;
}

export type ParseResult = { ok: true; message: MooMessage } | { ok: false; error: string };

const FIRST_LINE = /^MOO\/([0-9]+) ([A-Z]+) (.*)$/;
const HEADER_LINE = /^([^:]+): *(.*)$/;

/** Applies the same validation as node-roon-api, so the fake rejects what a client would. */
export function parseMoo(buffer: Buffer): ParseResult {
  if (buffer.length === 0) return { ok: false, error: 'empty message' };
  let start = 0;
  let first: { verb: MooVerb; service?: string; name: string } | undefined;
  const headers: Record<string, string> = {};
  let requestId: string | undefined;
  let contentType: string | undefined;
  let contentLength: number | undefined;

  for (let end = 0; end < buffer.length; end++) {
    if (buffer[end] !== 0x0a) continue;
    const line = buffer.toString('utf8', start, end);
    if (!first) {
      const match = FIRST_LINE.exec(line);
      if (!match) return { ok: false, error: `bad first line: ${JSON.stringify(line)}` };
      const verb = match[2] as MooVerb;
      if (verb !== 'REQUEST' && verb !== 'CONTINUE' && verb !== 'COMPLETE') {
        return { ok: false, error: `unknown verb ${verb}` };
      }
      const rest = match[3] ?? '';
      if (verb === 'REQUEST') {
        const slash = rest.indexOf('/');
        if (slash <= 0) return { ok: false, error: `bad request name: ${rest}` };
        first = { verb, service: rest.slice(0, slash), name: rest.slice(slash + 1) };
      } else {
        first = { verb, name: rest };
      }
    } else if (start === end) {
      return finish(buffer, end, first, headers, requestId, contentType, contentLength);
    } else {
      const match = HEADER_LINE.exec(line);
      if (!match) return { ok: false, error: `bad header line: ${JSON.stringify(line)}` };
      const [, key = '', value = ''] = match;
      if (key === 'Request-Id') requestId = value;
      else if (key === 'Content-Type') contentType = value;
      else if (key === 'Content-Length') contentLength = Number.parseInt(value, 10);
      else headers[key] = value;
    }
    start = end + 1;
  }
  return { ok: false, error: 'message lacks the blank line that ends its headers' };
}

function finish(
  buffer: Buffer,
  blankLineAt: number,
  first: { verb: MooVerb; service?: string; name: string },
  headers: Record<string, string>,
  requestId: string | undefined,
  contentType: string | undefined,
  contentLength: number | undefined,
): ParseResult {
  if (requestId === undefined) return { ok: false, error: 'missing Request-Id' };
  const message: MooMessage = { ...first, requestId, headers };
  if (contentType !== undefined) message.contentType = contentType;
  const bodyStart = blankLineAt + 1;
  if (contentLength === undefined) {
    if (contentType !== undefined) return { ok: false, error: 'Content-Type without Content-Length' };
    if (bodyStart !== buffer.length) return { ok: false, error: 'data after headers without Content-Length' };
    return { ok: true, message };
  }
  if (contentLength > 0) {
    if (contentType === undefined) return { ok: false, error: 'Content-Length without Content-Type' };
    const bytes = buffer.subarray(bodyStart, bodyStart + contentLength);
    if (contentType === 'application/json') {
      try {
        message.body = JSON.parse(bytes.toString('utf8')) as unknown;
      } catch {
        return { ok: false, error: 'body is not valid JSON' };
      }
    } else {
      message.body = Buffer.from(bytes);
    }
  }
  return { ok: true, message };
}
