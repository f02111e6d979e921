import type { ServiceStatus } from '../../rpc/methods/system.js';
import { filledText } from './params.js';
import { handlerTable, NO_PARAMS } from './typed.js';

/** The daemon's services as users see them (the ServiceRegistry). */
export interface ServiceControl {
  list(): ServiceStatus[];
  start(name: string): Promise<ServiceStatus>;
  stop(name: string): Promise<ServiceStatus>;
}

export function serviceHandlers(services: ServiceControl) {
  return handlerTable<'service.list' | 'service.start' | 'service.stop'>({
    'service.list': { params: NO_PARAMS, run: async () => ({ services: services.list() }) },
    'service.start': { params: { name: filledText() }, run: async ({ name }) => services.start(name) },
    'service.stop': { params: { name: filledText() }, run: async ({ name }) => services.stop(name) },
  });
}
