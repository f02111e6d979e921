import type { Logger } from '../../log.js';
import { UserError, errorMessage } from '../../core/errors.js';
import type { ServiceStateRepository } from '../../core/ports.js';
import type { ServiceStatus } from '../../rpc/methods/system.js';

/** What a running service tells about itself. */
export interface ServiceReport {
  readonly running: boolean;
  readonly lastRunAt?: Date | null;
  readonly lastError?: string | null;
  readonly details?: Record<string, unknown>;
}

/**
 * A long-lived part of the daemon (tracker, connection, scheduler, background worker): every
 * one lives in src/daemon/services/. Constructors only assign fields; `start` must return once
 * the service is running (long work happens in the background), and stop when `signal`
 * aborts or `stop()` is called.
 */
export interface Service {
  readonly name: string;
  /** Why the service cannot run with the current configuration; absent or undefined when it can. */
  missingConfiguration?(): string | undefined;
  /** Whether it starts with the daemon while the user has neither started nor stopped it (absent: no). */
  runsByDefault?(): boolean;
  start(signal: AbortSignal): Promise<void>;
  stop(): Promise<void>;
  report(): ServiceReport;
}

interface Slot {
  readonly service: Service;
  /** Runs whenever the daemon runs (background workers); users neither start nor stop it. */
  readonly essential: boolean;
  active: boolean;
  state: 'stopped' | 'starting' | 'running' | 'not-configured' | 'failed';
  error: string | null;
  abort?: AbortController;
}

/**
 * Starts and stops services, persists the user's wish for each in service_states, and
 * restores those wishes when the daemon starts. One failing service is logged and
 * reported; it never takes the others down.
 */
export class ServiceRegistry {
  private readonly slots = new Map<string, Slot>();
  private readonly states: ServiceStateRepository;
  private readonly log: Logger;

  constructor(states: ServiceStateRepository, log: Logger) {
    this.states = states;
    this.log = log;
  }

  /** A service the user starts and stops; the wish persists in service_states. */
  register(service: Service): void {
    this.add({ service, essential: false, active: false, state: 'stopped', error: null });
  }

  /** A background worker that runs whenever the daemon runs (no persisted wish). */
  registerEssential(service: Service): void {
    this.add({ service, essential: true, active: true, state: 'stopped', error: null });
  }

  private add(slot: Slot): void {
    if (this.slots.has(slot.service.name)) throw new Error(`two services are named "${slot.service.name}"`);
    this.slots.set(slot.service.name, slot);
  }

  names(): string[] {
    return [...this.slots.keys()];
  }

  /**
   * Starts the essential services, then every service whose persisted wish is "active", and
   * those never started nor stopped by the user whose default wish is to run.
   */
  async restore(): Promise<void> {
    for (const slot of this.slots.values()) if (slot.essential) await this.launch(slot);
    const stored = new Map((await this.states.all()).map((wish) => [wish.name, wish.active]));
    for (const [name, slot] of this.slots) {
      if (slot.essential || !(stored.get(name) ?? slot.service.runsByDefault?.() ?? false)) continue;
      slot.active = true;
      await this.launch(slot);
    }
  }

  async start(name: string): Promise<ServiceStatus> {
    const slot = this.slot(name);
    if (slot.essential) return this.status(name);
    slot.active = true;
    await this.states.save(name, true);
    if (slot.state !== 'running' && slot.state !== 'starting') await this.launch(slot);
    return this.status(name);
  }

  async stop(name: string): Promise<ServiceStatus> {
    const slot = this.slot(name);
    if (slot.essential) throw new UserError(`${name} runs whenever the daemon runs; it cannot be stopped on its own`);
    slot.active = false;
    await this.states.save(name, false);
    await this.halt(slot);
    return this.status(name);
  }

  /**
   * Applies a change of the service's configuration without touching the user's wish: a
   * running service restarts on the new values, and the wish — stored, or else the service's
   * default (`runsByDefault()`, read now) — decides whether it runs afterwards. So setting the
   * address of a service nobody stopped starts it, unsetting it stops it, and a service the
   * user stopped stays stopped.
   */
  async reconfigure(name: string): Promise<ServiceStatus> {
    const slot = this.slot(name);
    if (slot.essential) return this.status(name);
    const stored = (await this.states.all()).find((wish) => wish.name === name)?.active;
    slot.active = stored ?? slot.service.runsByDefault?.() ?? false;
    await this.halt(slot);
    if (slot.active) await this.launch(slot);
    return this.status(name);
  }

  /** Stops everything in reverse order of registration, keeping the persisted wishes. */
  async stopAll(): Promise<void> {
    for (const slot of [...this.slots.values()].reverse()) await this.halt(slot);
  }

  status(name: string): ServiceStatus {
    const slot = this.slot(name);
    const report = slot.state === 'running' ? safeReport(slot.service) : undefined;
    const missing = slot.state === 'not-configured' ? slot.error : null;
    return {
      name,
      active: slot.active,
      running: slot.state === 'running' && (report?.running ?? false),
      state: slot.state,
      lastRunAt: report?.lastRunAt ? report.lastRunAt.toISOString() : null,
      lastError: report?.lastError ?? missing ?? slot.error,
      details: report?.details,
    };
  }

  list(): ServiceStatus[] {
    return this.names().map((name) => this.status(name));
  }

  private slot(name: string): Slot {
    const slot = this.slots.get(name);
    if (!slot) throw new UserError(`unknown service "${name}" (services: ${this.names().join(', ')})`);
    return slot;
  }

  private async launch(slot: Slot): Promise<void> {
    const { service } = slot;
    const missing = service.missingConfiguration?.();
    if (missing) {
      slot.state = 'not-configured';
      slot.error = `not configured: ${missing}`;
      this.log.warn({ service: service.name, reason: missing }, 'service not configured; it will start once configured');
      return;
    }
    slot.state = 'starting';
    slot.abort = new AbortController();
    try {
      await service.start(slot.abort.signal);
      slot.state = 'running';
      slot.error = null;
      this.log.info({ service: service.name }, 'service started');
    } catch (error) {
      slot.state = 'failed';
      slot.error = errorMessage(error);
      slot.abort.abort();
      this.log.error({ service: service.name, err: error }, 'service failed to start');
      await this.states.recordError(service.name, slot.error);
    }
  }

  private async halt(slot: Slot): Promise<void> {
    if (slot.state !== 'running' && slot.state !== 'starting') {
      if (slot.state === 'not-configured') slot.state = 'stopped';
      return;
    }
    slot.abort?.abort();
    try {
      await slot.service.stop();
    } catch (error) {
      this.log.error({ service: slot.service.name, err: error }, 'service did not stop cleanly');
    }
    slot.state = 'stopped';
    this.log.info({ service: slot.service.name }, 'service stopped');
  }
}

function safeReport(service: Service): ServiceReport | undefined {
  try {
    return service.report();
  } catch {
    return undefined;
  }
}
