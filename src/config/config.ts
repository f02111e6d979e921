import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { UserError, errorMessage } from '../core/errors.js';
import { CONFIG_KEYS, envName, keySpec, type KeySpec } from './keys.js';
import { resolvePaths, type AimePaths, type PathOptions } from './paths.js';
import { checkValue, maskSecret, parseValue } from './values.js';
import { confSchema } from './schema.js';

export interface JobOverride {
  readonly cron?: string;
  readonly enabled?: boolean;
}

/** The effective configuration: defaults, then config.json, then AIME_* variables. */
export interface AimeConfig {
  readonly lastfm: { apiKey?: string; apiSecret?: string; username?: string; apiUrl: string; pollSeconds: number };
  readonly discogs: { token?: string; username?: string; apiUrl: string; rateWindowMs: number };
  readonly spotify: { clientId?: string; clientSecret?: string; apiUrl: string; authUrl: string };
  readonly musicbrainz: { apiUrl: string };
  readonly coverart: { apiUrl: string };
  readonly ai: { baseUrl: string; apiKey?: string; model: string; language: 'fr' | 'en'; timeoutSeconds: number };
  readonly roon: { host?: string; port: number; defaultZone?: string; radioStations: string[] };
  readonly scheduler: { outputDir: string; maxFilesPerType: number; jobs: Record<string, JobOverride> };
  readonly timezone: string;
  readonly socket: { mode: string; group?: string };
  readonly log: { level: string };
  readonly http: { timeoutSeconds: number; retries: number; retryBaseMs: number };
}

export type ValueSource = 'default' | 'file' | 'env';

export interface ConfigEntry {
  readonly key: string;
  /** Masked when the key is a secret. */
  readonly value: unknown;
  readonly source: ValueSource;
  readonly secret: boolean;
  readonly env: string;
  readonly description: string;
}

/** The minimal surface of the conf store we use (keeps conf's types out of our signatures). */
interface Store {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  readonly path: string;
}

export class ConfigFile {
  readonly paths: AimePaths;
  private readonly store: Store;
  private readonly env: NodeJS.ProcessEnv;

  private constructor(paths: AimePaths, store: Store, env: NodeJS.ProcessEnv) {
    this.paths = paths;
    this.store = store;
    this.env = env;
  }

  /**
   * Opens (creating if needed) config.json. A broken file is one clear UserError naming it.
   * `schema: true` makes conf compile the JSON schema (ajv) and check every write with it;
   * a reader (the daemon) skips that compile (≈13 MB of RSS) and checks the same rules,
   * derived from the same key table, with checkStoredValues().
   */
  static async open(options: PathOptions & { schema?: boolean } = {}): Promise<ConfigFile> {
    const paths = resolvePaths(options);
    const env = options.env ?? process.env;
    ensurePrivateDir(paths.configDir);
    const { default: Conf } = await import('conf');
    let store: Store;
    try {
      store = new Conf({
        projectName: 'aime',
        cwd: paths.configDir,
        configName: basename(paths.configFile, '.json'),
        ...(options.schema ? { schema: confSchema() as never, rootSchema: { additionalProperties: false } } : {}),
        configFileMode: 0o600,
        clearInvalidConfig: false,
      }) as unknown as Store;
    } catch (error) {
      throw new UserError(`${paths.configFile}: ${describeConfError(error)}`, { cause: error });
    }
    if (existsSync(paths.configFile)) chmodSync(paths.configFile, 0o600);
    const config = new ConfigFile(paths, store, env);
    const problem = config.checkStoredValues();
    if (problem) throw new UserError(`${paths.configFile}: invalid setting: ${problem}`);
    config.values(); // surfaces a bad AIME_* variable at start, not at first use
    return config;
  }

  /** The effective, typed configuration. */
  values(): AimeConfig {
    const root: Record<string, unknown> = {};
    for (const spec of CONFIG_KEYS) {
      const value = this.lookup(spec).value;
      if (value !== undefined) setPath(root, spec.key, value);
    }
    const scheduler = (root.scheduler ??= {}) as Record<string, unknown>;
    scheduler.outputDir ??= this.paths.outputDir;
    root.timezone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
    return root as unknown as AimeConfig;
  }

  /** The first rule config.json breaks (unknown key, wrong type, out of range), if any. */
  checkStoredValues(): string | undefined {
    const stored = (this.store as unknown as { store: Record<string, unknown> }).store;
    for (const [group, content] of Object.entries(stored)) {
      const top = keySpec(group);
      if (top) {
        const problem = checkValue(top, content);
        if (problem) return `${group} ${problem}`;
        continue;
      }
      if (content === null || typeof content !== 'object' || Array.isArray(content)) return `unknown key "${group}"`;
      for (const [name, value] of Object.entries(content)) {
        const spec = keySpec(`${group}.${name}`);
        if (!spec) return `unknown key "${group}.${name}"`;
        const problem = checkValue(spec, value);
        if (problem) return `${spec.key} ${problem}`;
      }
    }
    return undefined;
  }

  /** The raw (unmasked) value of one key, with where it came from. */
  lookup(spec: KeySpec): { value: unknown; source: ValueSource } {
    const fromEnv = this.env[envName(spec.key)];
    if (fromEnv !== undefined && fromEnv !== '') {
      const value = parseValue(spec, fromEnv, envName(spec.key));
      const problem = checkValue(spec, value);
      if (problem) throw new UserError(`${envName(spec.key)}: ${spec.key} ${problem}`);
      return { value, source: 'env' };
    }
    const fromFile = this.store.get(spec.key);
    if (fromFile !== undefined) return { value: fromFile, source: 'file' };
    return { value: spec.default, source: 'default' };
  }

  list(): ConfigEntry[] {
    return CONFIG_KEYS.map((spec) => this.entry(spec));
  }

  get(key: string): ConfigEntry {
    return this.entry(requireKey(key));
  }

  /** Sets a key in config.json from its text form (as typed on the command line). */
  set(key: string, raw: string | unknown): ConfigEntry {
    const spec = requireKey(key);
    const value = typeof raw === 'string' ? parseValue(spec, raw, key) : raw;
    const problem = checkValue(spec, value);
    if (problem) throw new UserError(`${key} ${problem}`);
    this.store.set(key, value);
    chmodSync(this.paths.configFile, 0o600);
    return this.entry(spec);
  }

  unset(key: string): ConfigEntry {
    const spec = requireKey(key);
    this.store.delete(key);
    return this.entry(spec);
  }

  /** Every secret value currently configured, for log redaction. */
  secretValues(): string[] {
    return CONFIG_KEYS.filter((spec) => spec.secret)
      .map((spec) => this.lookup(spec).value)
      .filter((value): value is string => typeof value === 'string' && value.length > 0);
  }

  private entry(spec: KeySpec): ConfigEntry {
    const { value, source } = this.lookup(spec);
    const secret = spec.secret === true;
    return {
      key: spec.key,
      value: secret && value !== undefined ? maskSecret(value) : value,
      source,
      secret,
      env: envName(spec.key),
      description: spec.description,
    };
  }
}

function requireKey(key: string): KeySpec {
  const spec = keySpec(key);
  if (!spec) {
    const near = CONFIG_KEYS.filter((candidate) => candidate.key.startsWith(key.split('.')[0] ?? '')).map((c) => c.key);
    const hint = near.length ? ` (known keys: ${near.join(', ')})` : ' (see `aime config list`)';
    throw new UserError(`unknown config key "${key}"${hint}`);
  }
  return spec;
}

function setPath(root: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = root;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1] as string] = value;
}

function ensurePrivateDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const parent = dirname(dir);
  if (!existsSync(parent)) mkdirSync(parent, { recursive: true });
}

function describeConfError(error: unknown): string {
  const message = errorMessage(error);
  if (error instanceof SyntaxError) return `not valid JSON (${message})`;
  const schema = /Config schema violation: (.*)/.exec(message);
  if (schema) return `invalid setting: ${schema[1]}`;
  return message;
}
