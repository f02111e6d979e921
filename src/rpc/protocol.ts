/** JSON-RPC 2.0 message shapes and the error codes AIME uses on its socket (errors.ts maps kinds to them). */
export type RequestId = number | string;

export interface RpcRequest {
  readonly jsonrpc: '2.0';
  readonly id: RequestId;
  readonly method: string;
  readonly params?: unknown;
}

export interface RpcNotification {
  readonly jsonrpc: '2.0';
  readonly method: string;
  readonly params?: unknown;
}

export interface RpcErrorObject {
  readonly code: number;
  readonly message: string;
  readonly data?: RpcErrorData;
}

/** AIME's error kinds (core/errors.ts names the same five); rpc/errors.ts maps each to its code. */
export type ErrorKindName = 'user' | 'not-found' | 'auth' | 'retry-later' | 'unrecoverable';

export interface RpcErrorData {
  /** The AIME error kind behind the failure (core/errors.ts). */
  readonly kind: ErrorKindName | 'internal';
  readonly [field: string]: unknown;
}

export interface RpcSuccess {
  readonly jsonrpc: '2.0';
  readonly id: RequestId;
  readonly result: unknown;
}

export interface RpcFailure {
  readonly jsonrpc: '2.0';
  readonly id: RequestId | null;
  readonly error: RpcErrorObject;
}

export type RpcResponse = RpcSuccess | RpcFailure;

export const RpcErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  /** Application errors (JSON-RPC server range). */
  UserError: -32000,
  NotFound: -32001,
  AuthError: -32002,
  RetryLater: -32003,
  Unrecoverable: -32004,
} as const;

export function isResponse(message: unknown): message is RpcResponse {
  return typeof message === 'object' && message !== null && 'id' in message && ('result' in message || 'error' in message);
}

export function isNotification(message: unknown): message is RpcNotification {
  return typeof message === 'object' && message !== null && !('id' in message) && 'method' in message;
}
