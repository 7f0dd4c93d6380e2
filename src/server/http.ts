/** The HTTP server: yoga answers /graphql, /health and /ready. Closes gracefully. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OsmosisYoga } from './yoga.js';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function listen(yoga: OsmosisYoga, host: string, port: number): Promise<RunningServer> {
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${address.port}/graphql`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2_000).unref();
    }),
  };
}
