import type { MethodName, ParamsOf, ResultOf } from '../../rpc/contract.js';
import type { Handler, RequestContext } from '../server.js';

/**
 * Handlers for a group of methods, checked against the rpc contract: each receives the
 * raw params (to validate with params.ts) and must return that method's result type.
 */
export type TypedHandlers<M extends MethodName> = {
  [K in M]: (params: unknown, context: RequestContext) => Promise<ResultOf<K>>;
};

export function handlerTable<M extends MethodName>(handlers: TypedHandlers<M>): Record<M, Handler> {
  return handlers;
}

export type { ParamsOf };
