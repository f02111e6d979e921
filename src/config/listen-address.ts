import { isIP } from 'node:net';
import { UserError } from '../core/errors.js';

export interface ListenAddress {
  readonly host: string;
  readonly port: number;
  /** Every interface (0.0.0.0, ::): any machine that reaches the port can try tokens. */
  readonly wildcard: boolean;
  /** Only this machine can connect (127.x.x.x, ::1, localhost). */
  readonly loopback: boolean;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '0:0:0:0:0:0:0:0']);

/**
 * `http.listen` read: "127.0.0.1:8377", "[::1]:8377", "0.0.0.0:8377", "nas.local:8377".
 * Port 0 asks the system for a free port (tests). The host is required: "all interfaces"
 * must be written out (0.0.0.0 or [::]) so nobody opens the listener to the network by
 * leaving a field empty.
 */
export function parseListenAddress(text: string): ListenAddress {
  const value = text.trim();
  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(value);
  const plain = /^([^:[\]]+):(\d+)$/.exec(value);
  const parts = bracketed ?? plain;
  if (!parts) throw new UserError(`http.listen "${text}" is not host:port (e.g. 127.0.0.1:8377, [::1]:8377, 0.0.0.0:8377 for every interface)`);
  const host = parts[1]!;
  const port = Number(parts[2]);
  if (bracketed && isIP(host) !== 6) throw new UserError(`http.listen "${text}": only an IPv6 address goes in brackets`);
  if (!Number.isInteger(port) || port > 65_535) throw new UserError(`http.listen "${text}": the port must be 0–65535`);
  return { host, port, wildcard: WILDCARDS.has(host), loopback: isLoopback(host) };
}

/** The `check` of the http.listen key: empty (the listener is off) or an address parseListenAddress reads. */
export function listenAddressProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    parseListenAddress(value);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^http\.listen /, '') : String(error);
  }
}

function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** "127.0.0.1:8377", "[::1]:8377": how an address is written back in messages and URLs. */
export function formatListenAddress(address: { host: string; port: number }): string {
  return isIP(address.host) === 6 ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}
