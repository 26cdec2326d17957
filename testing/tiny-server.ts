// A tiny HTTP server on an ephemeral 127.0.0.1 port whose every answer a test scripts, for showing
// how the suite reacts to a broken or odd provider.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../config/listen-on-loopback.ts';

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
  return { ...(await listenOnLoopback(server)), requests };
}
