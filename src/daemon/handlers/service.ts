import type { ServiceRegistry } from '../services/registry.js';
import { asParams, requiredString } from './params.js';
import { handlerTable } from './typed.js';

export function serviceHandlers(registry: ServiceRegistry) {
  return handlerTable<'service.list' | 'service.start' | 'service.stop'>({
    'service.list': async () => ({ services: registry.list() }),
    'service.start': async (raw) => registry.start(requiredString(asParams(raw), 'name')),
    'service.stop': async (raw) => registry.stop(requiredString(asParams(raw), 'name')),
  });
}
