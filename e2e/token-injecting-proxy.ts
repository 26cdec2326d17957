// A forwarder on 127.0.0.1 that the e2e tests talk to instead of the target: it puts the real token
// (or the no-scope token) where the request carries this run's random placeholder for it, so no
// credential ever enters Playwright, its traces or its reports. It adds a token only to a GET on the
// configured enterprise's appointment path, and refuses any other request that carries a placeholder
// (a POST, another path): it is no open relay.
// Requests go out exactly as they came in (sendExactRequest): no header is added, dropped or merged.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { appointmentPath } from '../config/api-facts.ts';
import { sendExactRequest } from '../config/exact-request.ts';
import { listenOnLoopback } from '../config/listen-on-loopback.ts';
import { describeNoAnswer } from '../config/target-reachability.ts';

/** Set on the proxy's own answer when the target could not be reached, with the reason. */
export const PROXY_ERROR_HEADER = 'x-e2e-proxy-error';
/** Every placeholder starts with this, so that tests can find it in traces. */
const PLACEHOLDER_PREFIX = 'token-added-by-the-e2e-proxy';

// Hop-by-hop headers, and Host, which node sets for the target.
const notForwarded = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']);

export interface TokenInjectingProxy {
  url: string;
  /** What this run's e2e requests carry instead of the token. */
  placeholder: string;
  /** What the 403 check carries instead of ENGAGE_NO_SCOPE_TOKEN. */
  noScopePlaceholder: string;
  /** Why the target stopped answering, once it has: later requests are not sent to it. */
  down(): string | undefined;
  close(): Promise<void>;
}

export async function startTokenInjectingProxy(
  targetUrl: string,
  enterprise: string,
  getToken: () => Promise<string>,
  timeoutMilliseconds: number,
  noScopeToken?: () => string,
): Promise<TokenInjectingProxy> {
  const placeholder = `${PLACEHOLDER_PREFIX}-${randomUUID()}`;
  let downReason: string | undefined;
  const noScopePlaceholder = `${PLACEHOLDER_PREFIX}-no-scope-${randomUUID()}`;
  /** The credential behind a placeholder, or undefined for any other Authorization. */
  const credentialFor = async (authorization: string) => {
    if (authorization === `Bearer ${placeholder}`) return getToken();
    if (authorization === `Bearer ${noScopePlaceholder}`) return noScopeToken?.() ?? 'no-ENGAGE_NO_SCOPE_TOKEN-set';
    return undefined;
  };
  const appointmentPrefix = appointmentPath(enterprise, '');

  function refuse(response: ServerResponse, reason: string) {
    response.writeHead(403, { [PROXY_ERROR_HEADER]: encodeURIComponent(reason) });
    response.end();
  }

  function answerDown(response: ServerResponse, reason: string) {
    response.writeHead(502, { [PROXY_ERROR_HEADER]: encodeURIComponent(reason) });
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
      let credential: string | undefined;
      try {
        credential = name.toLowerCase() === 'authorization' ? await credentialFor(value) : undefined;
      } catch (error) {
        // No token (refused, or no answer from the token endpoint): every later request would fail
        // the same way, so the run is blocked by it, said once.
        downReason ??= `no token for the e2e requests: ${(error as Error).message}`;
        return answerDown(response, downReason);
      }
      if (credential !== undefined) {
        carriesPlaceholder = true;
        value = `Bearer ${credential}`;
      }
      rawHeaders.push(name, value);
    }
    if (carriesPlaceholder && !(method === 'GET' && path.startsWith(appointmentPrefix))) {
      return refuse(
        response,
        `the e2e forwarder adds a token only to GET ${appointmentPrefix}…, not ${method} ${path}`,
      );
    }
    if (downReason !== undefined) return answerDown(response, downReason);
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
      const { code, message } = error as NodeJS.ErrnoException;
      // No answer at all: the target is down for the rest of the run, and says so once.
      if (message.startsWith('no answer within') || code === 'ECONNREFUSED' || code === 'ENOTFOUND')
        downReason ??= describeNoAnswer(targetUrl, error, timeoutMilliseconds);
      response.writeHead(502, {
        [PROXY_ERROR_HEADER]: encodeURIComponent(downReason ?? `the target ${targetUrl}: ${message}`),
      });
      response.end();
    }
  }
  // Whatever goes wrong, the request is answered: an unanswered one would wait out its timeout.
  const server = createServer((request, response) =>
    forward(request, response).catch((error: Error) => {
      if (!response.headersSent) answerDown(response, `the e2e forwarder failed: ${error.message}`);
      else response.destroy();
    }),
  );
  return { ...(await listenOnLoopback(server)), placeholder, noScopePlaceholder, down: () => downReason };
}
