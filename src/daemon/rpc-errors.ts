import { AimeError, errorMessage, type ErrorKind } from '../core/errors.js';
import { ERROR_CODES } from '../rpc/errors.js';
import { RpcErrorCode, type RpcErrorObject } from '../rpc/protocol.js';
import { storageFailure } from '../db/storage-errors.js';

// Every kind core knows has its code in the shared table (a new kind fails to compile here).
const CODE_OF: Record<ErrorKind, number> = ERROR_CODES;

/** An error thrown by a handler as the JSON-RPC error sent back. Unknown errors are internal; a full or read-only disk is not. */
export function toRpcError(thrown: unknown): RpcErrorObject {
  const error = storageFailure(thrown) ?? thrown;
  if (error instanceof AimeError) {
    const code = error.detail?.invalidParams ? RpcErrorCode.InvalidParams : CODE_OF[error.kind];
    return { code, message: error.message, data: { kind: error.kind, ...(error.detail ?? {}) } };
  }
  return { code: RpcErrorCode.InternalError, message: `internal error: ${errorMessage(error)}`, data: { kind: 'internal' } };
}
