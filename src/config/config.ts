import { chmodSync, existsSync, mkdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { UserError, errorMessage } from '../core/errors.js';
import { CONFIG_KEYS, envName, keySpec, type AimeConfig, type KeySpec } from './keys.js';

export type { AimeConfig, JobOverride } from './keys.js';
import { resolvePaths, type AimePaths, type PathOptions } from './paths.js';
import { checkValue, maskSecret, parseValue } from './values.js';
import { confSchema } from './schema.js';

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

/** The minimal surface of the conf store we write through (keeps conf's types out of our signatures). */
interface Store {
  set(key: string, value: unknown): void;
  delete(key: string): void;
  readonly store: Record<string, unknown>;
}

/**
 * config.json plus the AIME_* overrides. Reading is a plain JSON parse checked against the
 * key table (cheap: the daemon reads only); writing goes through conf with the JSON schema
 * compiled (ajv), loaded on the first write. Both follow the same rules from keys.ts.
 */
export class ConfigFile {
  readonly paths: AimePaths;
  private stored: Record<string, unknown>;
  private readonly env: NodeJS.ProcessEnv;
  private store?: Promise<Store>;

  private constructor(paths: AimePaths, stored: Record<string, unknown>, env: NodeJS.ProcessEnv) {
    this.paths = paths;
    this.stored = stored;
    this.env = env;
  }

  /** Reads config.json (absent is fine). A broken file is one clear UserError naming it. */
  static async open(options: PathOptions = {}): Promise<ConfigFile> {
    const paths = resolvePaths(options);
    const env = options.env ?? process.env;
    ensurePrivateDir(paths.configDir);
    const config = new ConfigFile(paths, readStored(paths.configFile), env);
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
    // Built key by key from the table AimeConfig is derived from.
    return root as AimeConfig;
  }

  /** The first rule config.json breaks (unknown key, wrong type, out of range), if any. */
  checkStoredValues(): string | undefined {
    return storedProblem(this.stored, '');
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
    const fromFile = getPath(this.stored, spec.key);
    if (fromFile !== undefined) return { value: fromFile, source: 'file' };
    return { value: this.defaultOf(spec), source: 'default' };
  }

  /** The key's default; for the machine-dependent ones, the value it has on this machine. */
  private defaultOf(spec: KeySpec): unknown {
    if (spec.computedDefault === 'system time zone') return systemTimeZone();
    if (spec.computedDefault === 'output folder') return this.paths.outputDir;
    return spec.default;
  }

  list(): ConfigEntry[] {
    return CONFIG_KEYS.map((spec) => this.entry(spec));
  }

  get(key: string): ConfigEntry {
    return this.entry(requireKey(key));
  }

  /** Sets a key in config.json from its text form (as typed on the command line). */
  async set(key: string, raw: string | unknown): Promise<ConfigEntry> {
    const spec = requireKey(key);
    const value = typeof raw === 'string' ? parseValue(spec, raw, key) : raw;
    const problem = checkValue(spec, value);
    if (problem) throw new UserError(`${key} ${problem}`);
    const store = await this.writer();
    store.set(key, value);
    this.stored = store.store;
    chmodSync(this.paths.configFile, 0o600);
    return this.entry(spec);
  }

  async unset(key: string): Promise<ConfigEntry> {
    const spec = requireKey(key);
    const store = await this.writer();
    store.delete(key);
    this.stored = store.store;
    return this.entry(spec);
  }

  /** Every secret value currently configured, for log redaction. */
  secretValues(): string[] {
    return CONFIG_KEYS.filter((spec: KeySpec) => spec.secret)
      .map((spec) => this.lookup(spec).value)
      .filter((value): value is string => typeof value === 'string' && value.length > 0);
  }

  private writer(): Promise<Store> {
    this.store ??= import('conf').then(({ default: Conf }) => {
      try {
        return new Conf({
          projectName: 'aime',
          cwd: this.paths.configDir,
          configName: basename(this.paths.configFile, '.json'),
          schema: confSchema() as never,
          rootSchema: { additionalProperties: false },
          configFileMode: 0o600,
          clearInvalidConfig: false,
        }) as unknown as Store;
      } catch (error) {
        throw new UserError(`${this.paths.configFile}: ${describeConfError(error)}`, { cause: error });
      }
    });
    return this.store;
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

/**
 * The machine's zone name from TZ or /etc/localtime, without loading ICU (≈8 MB of resident
 * memory for an idle daemon); Intl only when neither says.
 */
export function systemTimeZone(): string {
  const fromEnv = process.env.TZ?.replace(/^:/, '');
  if (fromEnv && /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(fromEnv)) return fromEnv;
  try {
    const target = readlinkSync('/etc/localtime');
    const zone = /zoneinfo\/(.+)$/.exec(target)?.[1];
    if (zone) return zone;
  } catch {
    // not a symlink on this system
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function readStored(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  chmodSync(file, 0o600);
  let parsed: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: ${describeConfError(error)}`, { cause: error });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UserError(`${file}: must hold a JSON object`);
  return parsed as Record<string, unknown>;
}

/** Walks config.json's groups (`lastfm`, `forward.listenbrainz`…) down to the keys of the table. */
function storedProblem(level: Record<string, unknown>, prefix: string): string | undefined {
  for (const [name, content] of Object.entries(level)) {
    const key = `${prefix}${name}`;
    const spec = keySpec(key);
    if (spec) {
      const problem = checkValue(spec, content);
      if (problem) return `${key} ${problem}`;
      continue;
    }
    const isGroup = CONFIG_KEYS.some((candidate) => candidate.key.startsWith(`${key}.`));
    if (!isGroup || content === null || typeof content !== 'object' || Array.isArray(content)) return `unknown key "${key}"`;
    const problem = storedProblem(content as Record<string, unknown>, `${key}.`);
    if (problem) return problem;
  }
  return undefined;
}

function getPath(root: Record<string, unknown>, key: string): unknown {
  let node: unknown = root;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
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
