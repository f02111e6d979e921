// The fake Core's sockets: an HTTP server (images at /api/image/<key>) with a WebSocket
// server at /api, where node-roon-api connects. It can drop every socket, or stop listening
// for a while and come back on the same port, as a restarting Core does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CoreConnection, type IncomingRequest } from './connection.js';

export interface CoreServerHooks {
  onHttp(req: IncomingMessage, res: ServerResponse): boolean;
  onConnection(conn: CoreConnection): void;
  onRequest(req: IncomingRequest): void;
  onBadFrame(conn: CoreConnection, error: string): void;
  onClose(conn: CoreConnection): void;
}

export class CoreServer {
  readonly connections = new Map<number, CoreConnection>();
  port: number;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private nextConnectionId = 1;
  private reopenTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly host: string,
    port: number,
    private readonly hooks: CoreServerHooks,
  ) {
    this.port = port;
    this.http = createServer((req, res) => {
      if (!hooks.onHttp(req, res)) res.writeHead(404).end();
    });
    this.wss = new WebSocketServer({ server: this.http, path: '/api' });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.port, this.host, () => {
        this.http.off('error', reject);
        this.port = (this.http.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  /** Terminates every socket (no close handshake), as a crashing Core does. */
  dropConnections(): void {
    for (const conn of this.connections.values()) conn.socket.terminate();
  }

  /** Drops every socket and stops listening; listens again on the same port after `ms`. */
  async refuseConnectionsFor(ms: number): Promise<void> {
    this.dropConnections();
    await this.closeListener();
    await new Promise<void>((resolve) => {
      this.reopenTimer = setTimeout(resolve, ms);
    });
    this.reopenTimer = undefined;
    await this.listen();
  }

  async stop(): Promise<void> {
    clearTimeout(this.reopenTimer);
    this.dropConnections();
    this.wss.close();
    await this.closeListener();
  }

  private closeListener(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.http.listening) {
        resolve();
        return;
      }
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  private accept(socket: WebSocket): void {
    const conn = new CoreConnection(this.nextConnectionId++, socket, {
      onRequest: (req) => this.hooks.onRequest(req),
      onBadFrame: (c, error) => {
        this.hooks.onBadFrame(c, error);
        c.socket.terminate();
      },
    });
    this.connections.set(conn.id, conn);
    socket.on('message', (data, isBinary) => conn.receive(data, isBinary));
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      this.connections.delete(conn.id);
      conn.closed();
      this.hooks.onClose(conn);
    });
    this.hooks.onConnection(conn);
  }
}
