// Listening and stopping for the project's local stand-ins (Sentry, OpenAI-compatible): loopback
// only, any free port by default, and a close that does not wait on stalled connections.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  host: string;
  port: number;
  url: string;
  /** Drops open connections (a stalled response would keep close() waiting) and stops listening. */
  close(): Promise<void>;
}

export async function listenOnLoopback(server: Server, options: { host?: string; port?: number } = {}): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    host,
    port,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
