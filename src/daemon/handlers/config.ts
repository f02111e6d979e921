import type { ConfigFile } from '../../config/config.js';
import type { LogSecrets } from '../../log.js';
import { asParams, requiredString } from './params.js';
import { handlerTable } from './typed.js';

export interface ConfigDeps {
  readonly config: ConfigFile;
  /** The logger's secret values: a secret set now is redacted from the next line on. */
  readonly secrets?: LogSecrets;
  /** Called after a change so live parts can pick up new values. */
  readonly changed: (key: string) => void;
}

export function configHandlers(deps: ConfigDeps) {
  return handlerTable<'config.list' | 'config.get' | 'config.set' | 'config.unset'>({
    'config.list': async () => ({ file: deps.config.paths.configFile, entries: deps.config.list() }),
    'config.get': async (raw) => deps.config.get(requiredString(asParams(raw), 'key')),
    'config.set': async (raw) => {
      const params = asParams(raw);
      const key = requiredString(params, 'key');
      const value = params.value;
      const entry = await deps.config.set(key, typeof value === 'string' ? value : JSON.stringify(value));
      if (entry.secret) deps.secrets?.add(deps.config.secretValues());
      deps.changed(key);
      return entry;
    },
    'config.unset': async (raw) => {
      const key = requiredString(asParams(raw), 'key');
      const entry = await deps.config.unset(key);
      deps.changed(key);
      return entry;
    },
  });
}
