// A forwarder on 127.0.0.1 that the e2e tests talk to instead of the target: it puts the real token
// where the request carries the placeholder, so the token never enters Playwright, its traces or its
// reports. Any other Authorization (a wrong token, none at all) passes through as it is.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the e2e requests carry instead of the token. */
export const TOKEN_PLACEHOLDER = 'token-added-by-the-e2e-proxy';
/** Set on the proxy's own answer when the target could not be reached, with the reason. */
export const PROXY_ERROR_HEADER = 'x-e2e-proxy-error';

const notForwarded = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
]);

export interface TokenInjectingProxy {
  url: string;
  close(): Promise<void>;
}

export async function startTokenInjectingProxy(
  targetUrl: string,
  getToken: () => Promise<string>,
  timeoutMilliseconds: number,
): Promise<TokenInjectingProxy> {
  async function forward(request: IncomingMessage, response: ServerResponse) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (!notForwarded.has(name) && value !== undefined)
        headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    if (headers.authorization === `Bearer ${TOKEN_PLACEHOLDER}`) headers.authorization = `Bearer ${await getToken()}`;
    try {
      const answer = await fetch(`${targetUrl}${request.url}`, {
        method: request.method,
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMilliseconds),
      });
      const body = Buffer.from(await answer.arrayBuffer());
      const answerHeaders = [...answer.headers].filter(([name]) => !notForwarded.has(name));
      response.writeHead(answer.status, Object.fromEntries(answerHeaders));
      response.end(body);
    } catch (error) {
      const reason = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
      response.writeHead(502, { [PROXY_ERROR_HEADER]: encodeURIComponent(reason) });
      response.end();
    }
  }
  const server = createServer((request, response) => void forward(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
