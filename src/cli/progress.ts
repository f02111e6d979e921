import type { RpcNotifications } from '../rpc/contract.js';
import type { Output } from './output.js';

type Progress = RpcNotifications['progress'];

export interface ProgressReporter {
  /** Feed it the daemon's `progress` notifications. */
  update(progress: Progress): void;
  finish(): Promise<void>;
}

/**
 * Shows a long request's progress on stderr: an Ink bar on a terminal (Ink is imported only
 * then), a line every few seconds otherwise, nothing with --json or -q.
 */
export async function progressReporter(out: Output, task: string): Promise<ProgressReporter> {
  if (out.options.json || out.options.quiet) return { update: () => undefined, finish: async () => undefined };
  const startedAt = Date.now();
  if (!process.stderr.isTTY) {
    let lastPrint = 0;
    return {
      update(progress) {
        if (Date.now() - lastPrint < 5000) return;
        lastPrint = Date.now();
        process.stderr.write(`${progress.task}: ${progress.done}${progress.total ? `/${progress.total}` : ''}${progress.message ? ` (${progress.message})` : ''}\n`);
      },
      finish: async () => undefined,
    };
  }
  const [{ render }, React, { ProgressBar }] = await Promise.all([import('ink'), import('react'), import('./views/progress.js')]);
  let state = { task, done: 0, total: null as number | null, startedAt, message: undefined as string | undefined };
  const view = () => React.createElement(ProgressBar, { state });
  const app = render(view(), { stdout: process.stderr, patchConsole: false, exitOnCtrlC: false });
  let last = 0;
  return {
    update(progress) {
      state = { ...state, done: progress.done, total: progress.total, message: progress.message, task: progress.task || task };
      if (Date.now() - last < 80) return;
      last = Date.now();
      app.rerender(view());
    },
    async finish() {
      app.rerender(view());
      app.unmount();
      await app.waitUntilExit();
    },
  };
}
