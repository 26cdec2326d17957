// Deliberately bad targets on ephemeral 127.0.0.1 ports, for the robustness tests: every layer must
// fail clearly, and within its time, against each of them.
import { type AddressInfo, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { startTinyServer } from './tiny-server.ts';

export const BAD_TARGET_KINDS = [
  'unreachable',
  'resets connections',
  'never answers',
  'storms of 5xx',
  'malformed JSON',
  'wrong content type',
] as const;
export type BadTargetKind = (typeof BAD_TARGET_KINDS)[number];

export interface BadTarget {
  url: string;
  close(): Promise<void>;
}

async function listen(server: Server, sockets: Set<Socket>): Promise<BadTarget> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function answering(status: number, contentType: string, body: string): Promise<BadTarget> {
  return startTinyServer((_request, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  });
}

export async function startBadTarget(kind: BadTargetKind): Promise<BadTarget> {
  const sockets = new Set<Socket>();
  switch (kind) {
    case 'unreachable': {
      // A port that was free a moment ago and has nothing listening now.
      const probe = await listen(createTcpServer(), sockets);
      await probe.close();
      return { url: probe.url, close: async () => {} };
    }
    case 'resets connections':
      return listen(
        createTcpServer((socket) => socket.resetAndDestroy()),
        sockets,
      );
    case 'never answers':
      return listen(
        createTcpServer(() => {}),
        sockets,
      );
    case 'storms of 5xx': {
      const body = JSON.stringify({
        errors: [{ message: 'overloaded', code: 'UNAVAILABLE', type: 'SERVICE_UNAVAILABLE', statusCode: '503' }],
      });
      return answering(503, 'application/json', body);
    }
    case 'malformed JSON':
      return answering(200, 'application/json', '{"data": {"id": "123", ');
    case 'wrong content type':
      return answering(200, 'text/html', '<html><body>maintenance</body></html>');
  }
}

/** Starts bad targets for one test file and closes them all when asked. */
export function badTargetPool() {
  const started: BadTarget[] = [];
  return {
    async start(kind: BadTargetKind): Promise<BadTarget> {
      const target = await startBadTarget(kind);
      started.push(target);
      return target;
    },
    closeAll: () => Promise.all(started.map((target) => target.close())),
  };
}

/** ENGAGE_* variables that point the suite at a bad target, with a short request timeout. */
export function badTargetEnvironment(url: string): Record<string, string> {
  return {
    ENGAGE_BASE_URL: url,
    ENGAGE_ENTERPRISE: 'acme',
    ENGAGE_TOKEN: 'robustness-token',
    ENGAGE_APPOINTMENT_ID: '123',
    ENGAGE_DEFAULT_LANGUAGE: 'en',
    ENGAGE_REQUEST_TIMEOUT_MS: '1500',
  };
}
