import { AimeError, errorMessage } from '../core/errors.js';
import { RpcErrorCode, type RpcErrorObject } from '../rpc/protocol.js';
import { storageFailure } from '../db/storage-errors.js';

const CODE_BY_KIND = {
  user: RpcErrorCode.UserError,
  'not-found': RpcErrorCode.NotFound,
  auth: RpcErrorCode.AuthError,
  'retry-later': RpcErrorCode.RetryLater,
  unrecoverable: RpcErrorCode.Unrecoverable,
} as const;

/** The one map from AIME errors to JSON-RPC errors. Unknown errors are internal; a full or read-only disk is not. */
export function toRpcError(thrown: unknown): RpcErrorObject {
  const error = storageFailure(thrown) ?? thrown;
  if (error instanceof AimeError) {
    const code = error.detail?.invalidParams ? RpcErrorCode.InvalidParams : CODE_BY_KIND[error.kind];
    return { code, message: error.message, data: { kind: error.kind, ...(error.detail ?? {}) } };
  }
  return { code: RpcErrorCode.InternalError, message: `internal error: ${errorMessage(error)}`, data: { kind: 'internal' } };
}
