import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';

describe('log redaction', () => {
  it('removes secrets by field name and by value, even inside messages and URLs', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const secret = 'abcd1234efgh5678';
    const log = await createLogger({ level: 'debug', secrets: [secret, 'p@ss word/+'], destination: sink });
    log.info({ lastfm: { apiKey: 'other-key-value' }, token: 'tok-123456' }, 'configured');
    log.warn(`request to https://ws.audioscrobbler.com/2.0/?api_key=${secret}&method=x failed`);
    log.error({ err: new Error(`auth failed for ${secret}`) }, 'boom');
    log.info(`encoded ${encodeURIComponent('p@ss word/+')}`);
    const all = lines.join('');
    expect(all).not.toContain(secret);
    expect(all).not.toContain('other-key-value');
    expect(all).not.toContain('tok-123456');
    expect(all).not.toContain(encodeURIComponent('p@ss word/+'));
    expect(all.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(5);
  });
});
