/** The HTTP server: yoga answers /graphql, /health and /ready. Closes gracefully. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OsmosisYoga } from './yoga.js';
import { ConfigError } from '../config/config.js';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function listen(yoga: OsmosisYoga, host: string, port: number): Promise<RunningServer> {
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, port)));
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

/** A setting's fault, said with the setting's name (the CLI prints it without a stack and exits 2). */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const why: Record<string, string> = {
    ENOTFOUND: `HOST="${host}": no such host name`,
    EADDRNOTAVAIL: `HOST="${host}": not an address of this machine`,
    EADDRINUSE: `PORT=${port}: already in use on ${host}`,
    EACCES: `PORT=${port}: not allowed to listen on it (ports below 1024 need privileges)`,
  };
  return error.code && why[error.code] ? new ConfigError(why[error.code]) : error;
}
