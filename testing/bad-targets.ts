// Deliberately bad targets on ephemeral 127.0.0.1 ports, for the robustness tests: every layer must
// fail clearly, and within its time, against each of them.
import { connect, createServer as createTcpServer } from 'node:net';
import { listenOnLoopback } from '../config/listen-on-loopback.ts';
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

/**
 * Where nothing answers: port 9 of 127.0.0.1 lies below the ephemeral ports, so no test's server can
 * be given it while a test counts on it being dead. A port freed a moment ago can be given again:
 * in a CI run, a server that another test started took one, and answered a verification meant for
 * an unreachable target with 401.
 */
export const UNREACHABLE_URL = 'http://127.0.0.1:9';

/** Resolves once a connection to UNREACHABLE_URL is refused; rejects, saying why, when one is taken. */
function checkNothingAnswers(): Promise<void> {
  const { hostname, port } = new URL(UNREACHABLE_URL);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      reject(
        new Error(
          `something listens on ${UNREACHABLE_URL} on this machine: the tests of an unreachable target need it to refuse connections`,
        ),
      );
    });
    socket.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNREFUSED' ? resolve() : reject(error)));
  });
}

export interface BadTarget {
  url: string;
  close(): Promise<void>;
}

function answering(status: number, contentType: string, body: string): Promise<BadTarget> {
  return startTinyServer((_request, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  });
}

async function startBadTarget(kind: BadTargetKind): Promise<BadTarget> {
  switch (kind) {
    case 'unreachable':
      await checkNothingAnswers();
      return { url: UNREACHABLE_URL, close: async () => {} };
    case 'resets connections':
      return listenOnLoopback(createTcpServer((socket) => socket.resetAndDestroy()));
    case 'never answers':
      return listenOnLoopback(createTcpServer(() => {}));
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
