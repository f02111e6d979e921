import type { IncomingMessage } from 'node:http';
import { UserError } from '../../core/errors.js';

/** A body over the route's cap: refused before it is read whole, and the connection closed. */
export class BodyTooLarge extends UserError {}

/** The client closed the connection before its body arrived: nobody is left to answer. */
export class ClientWentAway extends Error {}

/**
 * Reads a request body up to `maxBytes`. A declared Content-Length over the cap is refused
 * before a byte is read; a body that turns out longer stops being read at the cap, so a
 * client can never make the daemon hold more than `maxBytes` of one request.
 */
export function readBody(request: IncomingMessage, maxBytes: number, tooLarge: string): Promise<Uint8Array> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new BodyTooLarge(tooLarge));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      request.off('data', onData).off('end', onEnd).off('error', onFailure).off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        done();
        request.pause();
        reject(new BodyTooLarge(tooLarge));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks, size));
    };
    const onFailure = (error: Error) => {
      done();
      reject(error);
    };
    const onClose = () => onFailure(new ClientWentAway('the client went away before sending the whole request'));
    request.on('data', onData).on('end', onEnd).on('error', onFailure).on('close', onClose);
  });
}
