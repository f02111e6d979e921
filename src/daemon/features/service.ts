import { SqliteServiceStates } from '../../db/repositories/service-states.js';
import { serviceHandlers } from '../handlers/service.js';
import { ServiceRegistry } from '../services/registry.js';
import type { Feature, FeatureContext } from './feature.js';

/** `service.*` and the registry every feature's services are registered in (wishes in service_states). */
export function serviceFeature(ctx: FeatureContext): Feature & { registry: ServiceRegistry } {
  const registry = new ServiceRegistry(new SqliteServiceStates(ctx.db), ctx.log.child({ component: 'services' }));
  return { handlers: serviceHandlers(registry), registry };
}
