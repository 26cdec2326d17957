// Starts the sandbox in-process on 127.0.0.1 (an ephemeral port unless one is given) and returns its
// URL, its store for seeding, and close(). What Node would answer itself with an empty body gets the
// errors envelope too: malformed HTTP, an HTTP/1.1 request without Host, an Expect it cannot meet.
import { createServer, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from '../config/listen-on-loopback.ts';
import type { AppointmentStore } from './appointment-store.ts';
import { createSandboxApp, type SandboxOptions } from './create-sandbox-app.ts';
import { errorBody, JSON_ANSWER_TYPE } from './error-responses.ts';

export interface RunningSandbox {
  url: string;
  store: AppointmentStore;
  close(): Promise<void>;
}

/** Whether a Host line came, read from rawHeaders: building Node's request.headers costs more than a lookup. */
function hasHost(rawHeaders: string[]): boolean {
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] as string;
    if (name.length === 4 && name.toLowerCase() === 'host') return true;
  }
  return false;
}

export async function startSandbox(options: SandboxOptions & { port?: number } = {}): Promise<RunningSandbox> {
  const app = createSandboxApp(options);
  const refuse = (response: ServerResponse, status: number, code: string, message: string) => {
    const body = JSON.stringify(errorBody({ status, code, message }));
    response.writeHead(status, {
      'content-type': JSON_ANSWER_TYPE,
      'content-length': Buffer.byteLength(body),
    });
    response.end(response.req.method === 'HEAD' ? undefined : body);
  };
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    if (request.httpVersionMajor === 1 && request.httpVersionMinor === 1 && !hasHost(request.rawHeaders))
      return refuse(response, 400, 'MISSING_HOST', 'An HTTP/1.1 request needs a Host header');
    app.handle(request, response);
  });
  server.on('checkExpectation', (request, response) =>
    refuse(response, 417, 'EXPECTATION_FAILED', `Expect: ${request.headers.expect} is not supported`),
  );
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify(
      errorBody({ status, code: 'MALFORMED_REQUEST', message: 'The request is not valid HTTP' }),
    );
    socket.end(
      `HTTP/1.1 ${status} Bad Request\r\ncontent-type: ${JSON_ANSWER_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  return { ...(await listenOnLoopback(server, options.port)), store: app.store };
}
