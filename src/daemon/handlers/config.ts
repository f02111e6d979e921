import type { ConfigFile } from '../../config/config.js';
import type { LogSecrets } from '../../log.js';
import { filledText, type Reader } from './params.js';
import { handlerTable, NO_PARAMS } from './typed.js';

export interface ConfigDeps {
  readonly config: ConfigFile;
  /** The logger's secret values: a secret set now is redacted from the next line on. */
  readonly secrets?: LogSecrets;
  /** Called after a change so live parts can pick up new values. */
  readonly changed: (key: string) => void;
}

/** The value as typed (text), or any other JSON value in its JSON form (the key's rules check it). */
const typedValue: Reader<string> = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

export function configHandlers(deps: ConfigDeps) {
  return handlerTable<'config.list' | 'config.get' | 'config.set' | 'config.unset'>({
    'config.list': { params: NO_PARAMS, run: async () => ({ file: deps.config.paths.configFile, entries: deps.config.list() }) },
    'config.get': { params: { key: filledText() }, run: async ({ key }) => deps.config.get(key) },
    'config.set': {
      params: { key: filledText(), value: typedValue },
      run: async ({ key, value }) => {
        const entry = await deps.config.set(key, value);
        if (entry.secret) deps.secrets?.add(deps.config.secretValues());
        deps.changed(key);
        return entry;
      },
    },
    'config.unset': {
      params: { key: filledText() },
      run: async ({ key }) => {
        const entry = await deps.config.unset(key);
        deps.changed(key);
        return entry;
      },
    },
  });
}
