// http.listen parsing (and which binds open the listener to the network), and rate-limit windows
// counted as the real server counts them.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { formatListenAddress, parseListenAddress } from '../../src/config/listen-address.js';
import { RateLimiter, rateLimitHeaders } from '../../src/daemon/http/rate-limit.js';

describe('parseListenAddress', () => {
  it('reads host:port, bracketed IPv6, and says which binds are loopback and which are every interface', () => {
    expect(parseListenAddress('127.0.0.1:8377')).toEqual({ host: '127.0.0.1', port: 8377, wildcard: false, loopback: true });
    expect(parseListenAddress(' [::1]:8377 ')).toEqual({ host: '::1', port: 8377, wildcard: false, loopback: true });
    expect(parseListenAddress('localhost:8377')).toMatchObject({ loopback: true, wildcard: false });
    expect(parseListenAddress('0.0.0.0:8377')).toMatchObject({ wildcard: true, loopback: false });
    expect(parseListenAddress('[::]:8377')).toMatchObject({ host: '::', wildcard: true });
    expect(parseListenAddress('192.168.1.20:8377')).toMatchObject({ wildcard: false, loopback: false });
    expect(formatListenAddress({ host: '::1', port: 8377 })).toBe('[::1]:8377');
  });

  it('refuses what is not host:port, an empty host, a bare IPv6 and ports out of range', () => {
    for (const bad of ['8377', ':8377', '::1:8377', 'nas.local', '127.0.0.1:99999', '[nas.local]:8377', '127.0.0.1:-1']) {
      expect(() => parseListenAddress(bad), bad).toThrow(UserError);
    }
  });
});

describe('RateLimiter', () => {
  it('counts per caller in fixed windows aligned on the epoch, with the real server’s headers', () => {
    const clock = { at: 1_790_000_003_000, now() { return this.at; } };
    const limiter = new RateLimiter({ perToken: 2, perAddress: 1, windowSeconds: 10 }, clock);
    const token = { token: true, key: 'token:1' };
    expect(limiter.take(token)).toEqual({ limit: 2, remaining: 1, reset: 1_790_000_010, resetIn: 7, overLimit: false });
    expect(limiter.take(token).remaining).toBe(0);
    expect(limiter.take(token).overLimit).toBe(true);
    expect(limiter.take({ token: false, key: 'address:10.0.0.2' })).toMatchObject({ limit: 1, remaining: 0, overLimit: false });
    clock.at += 7_000;
    expect(limiter.take(token)).toMatchObject({ remaining: 1, reset: 1_790_000_020, resetIn: 10, overLimit: false });
    expect(rateLimitHeaders(limiter.take(token))).toMatchObject({ 'X-RateLimit-Limit': '2', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-In': '10', 'X-RateLimit-Reset': '1790000020' });
  });
});
