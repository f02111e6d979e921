import type { Command } from 'commander';
import { resolvePaths, type AimePaths } from '../config/paths.js';
import type { MethodName, ParamsOf, ResultOf } from '../rpc/contract.js';
import { DaemonClient, type CallOptions } from './client.js';
import { Output, shouldColor } from './output.js';

/** The global options every command shares (SPEC §5). */
export interface GlobalOptions {
  readonly json: boolean;
  readonly home?: string;
  readonly socket?: string;
  readonly color: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
}

/** What a command's action works with: paths, output, and the daemon connection. */
export class CliRuntime {
  readonly options: GlobalOptions;
  readonly out: Output;
  readonly paths: AimePaths;
  private client?: Promise<DaemonClient>;

  constructor(options: GlobalOptions) {
    this.options = options;
    this.out = new Output({ json: options.json, quiet: options.quiet, color: shouldColor(options.color) });
    this.paths = resolvePaths({ home: options.home, socket: options.socket });
  }

  static from(command: Command): CliRuntime {
    const opts = command.optsWithGlobals() as Partial<GlobalOptions>;
    return new CliRuntime({
      json: opts.json === true,
      home: opts.home,
      socket: opts.socket,
      color: opts.color !== false,
      quiet: opts.quiet === true,
      verbose: opts.verbose === true,
    });
  }

  daemon(): Promise<DaemonClient> {
    this.client ??= DaemonClient.connect(this.paths.socket);
    return this.client;
  }

  async call<M extends MethodName>(method: M, params: ParamsOf<M>, options?: CallOptions): Promise<ResultOf<M>> {
    const client = await this.daemon();
    return client.call(method, params, options);
  }

  async dispose(): Promise<void> {
    if (!this.client) return;
    try {
      (await this.client).close();
    } catch {
      // never connected
    }
  }
}
