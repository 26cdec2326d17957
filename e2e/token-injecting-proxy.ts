// A forwarder on 127.0.0.1 that the e2e tests talk to instead of the target: it puts the real token
// where the request carries this run's random placeholder, so the token never enters Playwright, its
// traces or its reports. It adds the token only to GET and HEAD on the configured enterprise's
// appointment path, and to a POST there with no body (the 405 check's request, which can change
// nothing), and refuses any other request that carries the placeholder: it is no open relay.
// Requests go out exactly as they came in (sendExactRequest): no header is added, dropped or merged.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appointmentPath } from '../config/appointment-path.ts';
import { sendExactRequest } from './exact-request.ts';

/** Set on the proxy's own answer when the target could not be reached, with the reason. */
export const PROXY_ERROR_HEADER = 'x-e2e-proxy-error';
/** Every placeholder starts with this, so that tests can find it in traces. */
export const PLACEHOLDER_PREFIX = 'token-added-by-the-e2e-proxy';

// Hop-by-hop headers, and Host, which node sets for the target.
const notForwarded = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']);

export interface TokenInjectingProxy {
  url: string;
  /** What this run's e2e requests carry instead of the token. */
  placeholder: string;
  close(): Promise<void>;
}

export async function startTokenInjectingProxy(
  targetUrl: string,
  enterprise: string,
  getToken: () => Promise<string>,
  timeoutMilliseconds: number,
): Promise<TokenInjectingProxy> {
  const placeholder = `${PLACEHOLDER_PREFIX}-${randomUUID()}`;
  const appointmentPrefix = appointmentPath(enterprise, '');

  function refuse(response: ServerResponse, reason: string) {
    response.writeHead(403, { [PROXY_ERROR_HEADER]: encodeURIComponent(reason) });
    response.end();
  }

  async function forward(request: IncomingMessage, response: ServerResponse) {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const rawHeaders: string[] = [];
    let carriesPlaceholder = false;
    for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
      const name = request.rawHeaders[index] as string;
      let value = request.rawHeaders[index + 1] as string;
      if (notForwarded.has(name.toLowerCase())) continue;
      if (name.toLowerCase() === 'authorization' && value === `Bearer ${placeholder}`) {
        carriesPlaceholder = true;
        value = `Bearer ${await getToken()}`;
      }
      rawHeaders.push(name, value);
    }
    const bodiless =
      request.headers['transfer-encoding'] === undefined && Number(request.headers['content-length'] ?? 0) === 0;
    const allowed = method === 'GET' || method === 'HEAD' || (method === 'POST' && bodiless);
    if (carriesPlaceholder && !(allowed && path.startsWith(appointmentPrefix))) {
      return refuse(
        response,
        `the e2e forwarder adds the token only to GET, HEAD and a bodiless POST on ${appointmentPrefix}…, not ${method} ${path}`,
      );
    }
    try {
      const answer = await sendExactRequest(method, `${targetUrl}${path}`, rawHeaders, timeoutMilliseconds);
      const answerHeaders: string[] = [];
      for (let index = 0; index + 1 < answer.rawHeaders.length; index += 2) {
        const name = answer.rawHeaders[index] as string;
        if (!notForwarded.has(name.toLowerCase()) && name.toLowerCase() !== 'content-length')
          answerHeaders.push(name, answer.rawHeaders[index + 1] as string);
      }
      response.writeHead(answer.status, [...answerHeaders, 'content-length', String(answer.body.length)]);
      response.end(answer.body);
    } catch (error) {
      response.writeHead(502, { [PROXY_ERROR_HEADER]: encodeURIComponent((error as Error).message) });
      response.end();
    }
  }
  const server = createServer((request, response) => void forward(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    placeholder,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
