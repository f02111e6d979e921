import { RpcErrorCode, type ErrorKindName, type RpcErrorObject } from './protocol.js';

/**
 * The one map between AIME's error kinds (core/errors.ts names the same five) and JSON-RPC
 * error codes, read by the daemon to answer and by the CLI to rebuild the error it was sent.
 * rpc imports nothing of ours, so the kinds are plain strings here.
 */
export const ERROR_CODES = {
  user: RpcErrorCode.UserError,
  'not-found': RpcErrorCode.NotFound,
  auth: RpcErrorCode.AuthError,
  'retry-later': RpcErrorCode.RetryLater,
  unrecoverable: RpcErrorCode.Unrecoverable,
} as const satisfies Record<ErrorKindName, number>;

/** The kind an error sent over the socket stands for: the kind it names, else the one of its code. */
export function errorKindOf(error: RpcErrorObject): ErrorKindName | 'internal' {
  const named = error.data?.kind;
  if (named !== undefined && named in ERROR_CODES) return named as ErrorKindName;
  if (named === 'internal') return 'internal';
  const byCode = (Object.keys(ERROR_CODES) as ErrorKindName[]).find((kind) => ERROR_CODES[kind] === error.code);
  return byCode ?? 'internal';
}
