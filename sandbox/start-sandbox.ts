// Starts the sandbox in-process on 127.0.0.1 (an ephemeral port unless one is given) and returns its
// URL, its store for seeding, and close(). Malformed HTTP also gets the errors envelope.
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { AppointmentStore } from './appointment-store.ts';
import { createSandboxApp, type SandboxOptions } from './create-sandbox-app.ts';
import { errorBody } from './error-responses.ts';

export interface RunningSandbox {
  url: string;
  store: AppointmentStore;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions & { port?: number } = {}): Promise<RunningSandbox> {
  const app = createSandboxApp(options);
  const server = createServer(app.handle);
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify(
      errorBody({ status, code: 'MALFORMED_REQUEST', message: 'The request is not valid HTTP' }),
    );
    socket.end(
      `HTTP/1.1 ${status} Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store: app.store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
