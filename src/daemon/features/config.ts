import type { LogSecrets } from '../../log.js';
import { configHandlers } from '../handlers/config.js';
import type { Feature, FeatureContext } from './feature.js';

/** Told the key after every `aime config set|unset`, so live parts pick up the new value. */
export type ConfigListener = (key: string) => void;

/** `config.*`: the one feature that writes config.json; others subscribe to its changes. */
export function configFeature(ctx: FeatureContext, needs: { secrets: LogSecrets }): Feature & { onChange(listener: ConfigListener): void } {
  const listeners: ConfigListener[] = [];
  const handlers = configHandlers({
    config: ctx.config,
    secrets: needs.secrets,
    changed: (key) => {
      ctx.log.info({ key }, 'configuration changed');
      for (const listener of listeners) listener(key);
    },
  });
  return { handlers, onChange: (listener) => void listeners.push(listener) };
}
