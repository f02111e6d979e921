// com.roonlabs.registry:1 — `info` and `register` (roon-api.md §2.2). A registration is
// answered with `CONTINUE Registered` and stays open for the life of the connection. In
// "held" approval mode a registration without a known token waits for `approve()` (the
// user pressing Enable in Roon → Settings → Extensions); a known token skips the wait.
import { randomUUID } from 'node:crypto';
import type { CoreConnection, CoreService, IncomingRequest, RegisterBody } from './connection.js';

export const REGISTRY_SERVICE = 'com.roonlabs.registry:1';

export type ApprovalMode = 'auto' | 'held';

export interface CoreIdentity {
  core_id: string;
  display_name: string;
  display_version: string;
}

export interface RegistryOptions {
  identity: CoreIdentity;
  /** Services the Core provides (transport, browse, image). */
  services: readonly string[];
  approval: ApprovalMode;
  /** Issued tokens: token → extension_id. Shared with the test, which may seed or revoke. */
  tokens: Map<string, string>;
  host: string;
  httpPort(): number;
  onAwaitingApproval(conn: CoreConnection, body: RegisterBody): void;
  onRegistered(conn: CoreConnection, token: string): void;
}

export class Registry implements CoreService {
  approval: ApprovalMode;
  private held: Array<{ req: IncomingRequest; body: RegisterBody }> = [];

  constructor(private readonly options: RegistryOptions) {
    this.approval = options.approval;
  }

  /** Extension ids whose registration waits for `approve()`. */
  awaiting(): string[] {
    return this.held.filter((h) => h.req.conn.isOpen).map((h) => h.body.extension_id);
  }

  /** Roon's "Enable": grants every held registration. Returns how many were granted. */
  approve(): number {
    const held = this.held.filter((h) => h.req.conn.isOpen);
    this.held = [];
    for (const { req, body } of held) this.grant(req, body, undefined);
    return held.length;
  }

  handle(req: IncomingRequest): void {
    if (req.name === 'info') {
      req.sendComplete('Success', { ...this.options.identity });
    } else if (req.name === 'register') {
      this.register(req);
    } else {
      req.sendComplete('InvalidRequest');
    }
  }

  connectionClosed(conn: CoreConnection): void {
    this.held = this.held.filter((h) => h.req.conn !== conn);
  }

  private register(req: IncomingRequest): void {
    const body = parseRegisterBody(req.body);
    if (typeof body === 'string') {
      req.sendComplete('InvalidRequest', { message: body });
      return;
    }
    req.conn.extension = body;
    const missing = body.required_services.filter((s) => !this.options.services.includes(s));
    if (missing.length > 0) {
      // node-roon-api ignores this reply, so such an extension silently never pairs.
      req.sendComplete('NotCompatible', { required_services_missing: missing });
      return;
    }
    const knownToken =
      body.token !== undefined && this.options.tokens.get(body.token) === body.extension_id ? body.token : undefined;
    const usesCoreServices = body.required_services.length + body.optional_services.length > 0;
    // Extensions that use no Core service are authorised without Enable (core README).
    if (knownToken !== undefined || this.approval === 'auto' || !usesCoreServices) {
      this.grant(req, body, knownToken);
      return;
    }
    this.held.push({ req, body });
    this.options.onAwaitingApproval(req.conn, body);
  }

  private grant(req: IncomingRequest, body: RegisterBody, knownToken: string | undefined): void {
    const token = knownToken ?? randomUUID();
    this.options.tokens.set(token, body.extension_id);
    const requested = [...body.required_services, ...body.optional_services];
    const provided = [...new Set(requested.filter((s) => this.options.services.includes(s)))];
    req.conn.registered = true;
    req.sendContinue('Registered', {
      ...this.options.identity,
      token,
      provided_services: provided,
      http_port: this.options.httpPort(),
      extension_host: this.options.host,
    });
    this.options.onRegistered(req.conn, token);
  }
}

function parseRegisterBody(raw: unknown): RegisterBody | string {
  if (typeof raw !== 'object' || raw === null) return 'register needs a JSON body';
  const body = raw as Record<string, unknown>;
  for (const field of ['extension_id', 'display_name', 'display_version', 'publisher', 'email']) {
    if (typeof body[field] !== 'string') return `JSON: missing required string field: ${field}`;
  }
  const list = (field: string): string[] | undefined => {
    const value = body[field] ?? [];
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  };
  const required = list('required_services');
  const optional = list('optional_services');
  const provided = list('provided_services');
  if (!required || !optional || !provided) return 'JSON: services must be arrays of strings';
  const parsed: RegisterBody = {
    extension_id: body['extension_id'] as string,
    display_name: body['display_name'] as string,
    display_version: body['display_version'] as string,
    publisher: body['publisher'] as string,
    email: body['email'] as string,
    required_services: required,
    optional_services: optional,
    provided_services: provided,
  };
  if (typeof body['website'] === 'string') parsed.website = body['website'];
  if (typeof body['token'] === 'string') parsed.token = body['token'];
  return parsed;
}
