// A tiny HTTP server on an ephemeral 127.0.0.1 port whose every answer a test scripts, for showing
// how the suite reacts to a broken or odd provider.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TinyServer {
  url: string;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

export async function startTinyServer(
  answer: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<TinyServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    requests.push(request);
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
