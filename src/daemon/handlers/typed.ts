import type { MethodName, ParamsOf, ResultOf } from '../../rpc/contract.js';
import type { Handler, RequestContext } from '../server.js';
import { readParams, type ParamSchema } from './params.js';

/**
 * One method as a handler group serves it: the schema its params are read with (one reader
 * per param name of the contract), and `run`, which gets them read and checked and must
 * return the contract's result type.
 */
export interface MethodHandler<M extends MethodName> {
  readonly params: ParamSchema<ParamsOf<M>>;
  run(params: ParamsOf<M>, context: RequestContext): Promise<ResultOf<M>>;
}

export type TypedHandlers<M extends MethodName> = { [K in M]: MethodHandler<K> };

/** The handlers of a group of methods, each behind the one place its params are validated. */
export function handlerTable<M extends MethodName>(handlers: TypedHandlers<M>): Record<M, Handler> {
  const table = {} as Record<M, Handler>;
  for (const method of Object.keys(handlers) as M[]) {
    const handler: MethodHandler<M> = handlers[method];
    table[method] = async (raw, context) => handler.run(readParams(handler.params, raw), context);
  }
  return table;
}

/** The schema of a method without params. */
export const NO_PARAMS = {} as const;
