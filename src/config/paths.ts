import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where AIME keeps its files. With AIME_HOME (or --home) everything lives in one folder. */
export interface AimePaths {
  readonly home?: string;
  readonly configDir: string;
  readonly configFile: string;
  readonly dataDir: string;
  readonly database: string;
  readonly socket: string;
  readonly outputDir: string;
  readonly roonState: string;
}

export interface PathOptions {
  readonly home?: string;
  readonly socket?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export function resolvePaths(options: PathOptions = {}): AimePaths {
  const env = options.env ?? process.env;
  const home = options.home ?? (env.AIME_HOME || undefined);
  if (home) {
    return {
      home,
      configDir: home,
      configFile: join(home, 'config.json'),
      dataDir: home,
      database: join(home, 'aime.db'),
      socket: options.socket ?? env.AIME_SOCKET ?? join(home, 'aime.sock'),
      outputDir: join(home, 'output'),
      roonState: join(home, 'roon.json'),
    };
  }
  const user = homedir();
  const configDir = join(env.XDG_CONFIG_HOME || join(user, '.config'), 'aime');
  const dataDir = join(env.XDG_DATA_HOME || join(user, '.local', 'share'), 'aime');
  const runtimeDir = env.XDG_RUNTIME_DIR || dataDir;
  return {
    configDir,
    configFile: join(configDir, 'config.json'),
    dataDir,
    database: join(dataDir, 'aime.db'),
    socket: options.socket ?? env.AIME_SOCKET ?? join(runtimeDir, 'aime.sock'),
    outputDir: join(dataDir, 'output'),
    roonState: join(configDir, 'roon.json'),
  };
}
