/** `config.*`: the daemon's view of config.json (secrets always masked). */
export interface ConfigEntryDto {
  readonly key: string;
  readonly value: unknown;
  readonly source: 'default' | 'file' | 'env';
  readonly secret: boolean;
  readonly env: string;
  readonly description: string;
}

export interface ConfigMethods {
  'config.list': { params: Record<string, never>; result: { file: string; entries: ConfigEntryDto[] } };
  'config.get': { params: { key: string }; result: ConfigEntryDto };
  'config.set': { params: { key: string; value: string }; result: ConfigEntryDto };
  'config.unset': { params: { key: string }; result: ConfigEntryDto };
}
