import type { ServiceStatus } from './system.js';

/** The long-lived parts of the daemon that a user starts and stops. */
export const SERVICE_NAMES = ['lastfm-tracker', 'roon-tracker', 'scheduler', 'forward', 'http'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface ServiceMethods {
  'service.list': { params: Record<string, never>; result: { services: ServiceStatus[] } };
  'service.start': { params: { name: string }; result: ServiceStatus };
  'service.stop': { params: { name: string }; result: ServiceStatus };
}
