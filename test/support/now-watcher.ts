import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { AIME_BIN, testEnv } from './daemon.js';

/** `aime now <args>` running in the background, its stdout split into lines as they come. */
export interface NowWatcher {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: string[];
  stderr(): string;
  /** Resolves with the exit code once it ends. */
  readonly exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export function watchNow(home: string, args: string[] = ['--plain'], env: Record<string, string> = {}): NowWatcher {
  const child = spawn(process.execPath, [AIME_BIN, 'now', ...args], { env: testEnv(home, env), stdio: 'pipe' });
  const lines: string[] = [];
  let buffer = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    stderr: () => errors,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
