// The sandbox's request handler (no listening socket): routes to the appointment and token
// endpoints, and applies the opt-in knobs: latency, injected errors, rate limiting, faults.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { APPOINTMENT_ROUTE, DOCUMENTED_RATE_LIMIT } from '../config/api-facts.ts';
import { answerAppointmentRequest, endpointHeaders, errorReply, type Reply } from './appointment-endpoint.ts';
import { AppointmentStore } from './appointment-store.ts';
import { defaultSeed } from './default-seed.ts';
import { JSON_ANSWER_TYPE } from './error-responses.ts';
import { breakErrorBody, type FaultName, hasRepeatedHeader } from './faults.ts';
import { RateLimiter, type RateLimits } from './rate-limiter.ts';
import { RenderCache } from './render-cache.ts';
import { SandboxAuth, type SandboxClient } from './sandbox-auth.ts';
import type { Seed } from './seed.ts';
import { respondToTokenRequest } from './token-endpoint.ts';

export interface SandboxOptions {
  seed?: Seed;
  latency?: { fixedMilliseconds: number; jitterMilliseconds: number };
  /** Share of appointment requests answered with an injected 500, 0..1. */
  errorRate?: number;
  /** On: the documented limits, or the ones given. */
  rateLimit?: boolean | RateLimits;
  tokenLifetimeSeconds?: number;
  /** The client-credentials clients; the well-known ones (SANDBOX_DEFAULTS) unless given. */
  clients?: readonly SandboxClient[];
  faults?: Iterable<FaultName>;
  random?: () => number;
  /** The Content-Type of its 2xx and of its error answers: any JSON media type a correct provider may send. */
  contentTypes?: { ok?: string; error?: string };
  /** Another correct provider's language matching: `nl` also matches `nl-BE` (RFC 4647 basic filtering). */
  basicFiltering?: boolean;
}

export interface SandboxApp {
  handle(request: IncomingMessage, response: ServerResponse): void;
  store: AppointmentStore;
}

const tokenPath = /^\/realms\/([^/?]+)\/protocol\/openid-connect\/token(\?.*)?$/;
const RATE_LIMITED_SERVICE_MILLISECONDS = 5;

export function createSandboxApp(options: SandboxOptions = {}): SandboxApp {
  const store = new AppointmentStore(options.seed ?? defaultSeed);
  const auth = new SandboxAuth({ tokenLifetimeSeconds: options.tokenLifetimeSeconds, clients: options.clients });
  const faults = new Set(options.faults ?? []);
  const random = options.random ?? Math.random;
  const endpoint = {
    store,
    auth,
    faults,
    random,
    errorRate: options.errorRate,
    basicFiltering: options.basicFiltering ?? false,
    renderCache: new RenderCache(() => store.version),
  };
  const rateLimits = options.rateLimit === true ? DOCUMENTED_RATE_LIMIT : options.rateLimit || undefined;
  const limiter = rateLimits === undefined ? undefined : new RateLimiter(rateLimits);
  const latency = options.latency;

  function send(response: ServerResponse, { status, headers, body }: Reply) {
    const brokenBody = status >= 400 && faults.size > 0 ? breakErrorBody(body, faults) : body;
    const bytes = Buffer.isBuffer(brokenBody) ? brokenBody : Buffer.from(JSON.stringify(brokenBody));
    const jsonType = (status >= 400 ? options.contentTypes?.error : options.contentTypes?.ok) ?? JSON_ANSWER_TYPE;
    headers['content-type'] = faults.has('non-json-content-type') ? 'text/plain; charset=utf-8' : jsonType;
    headers['content-length'] = String(bytes.length);
    response.writeHead(status, headers);
    response.end(response.req.method === 'HEAD' ? undefined : bytes);
  }

  function route(request: IncomingMessage, response: ServerResponse) {
    const url = request.url ?? '/';
    const appointment = APPOINTMENT_ROUTE.exec(url);
    if (appointment !== null) {
      if (faults.has('crash-on-repeated-headers') && hasRepeatedHeader(request.rawHeaders))
        throw new Error('a deliberate crash on a repeated header');
      const reply = answerAppointmentRequest(
        endpoint,
        request.method,
        endpointHeaders(request.rawHeaders, !faults.has('first-accept-language-line-only')),
        appointment[1] as string,
        appointment[2] as string,
      );
      return send(response, reply);
    }
    const token = tokenPath.exec(url);
    if (token !== null) return respondToTokenRequest(request, response, auth, token[1] as string);
    send(response, errorReply({ status: 404, code: 'NOT_FOUND', message: 'No such path' }));
  }

  function routeSafely(request: IncomingMessage, response: ServerResponse) {
    try {
      route(request, response);
    } catch {
      if (!response.headersSent) {
        send(response, errorReply({ status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected sandbox error' }));
      }
    }
  }

  function handle(request: IncomingMessage, response: ServerResponse) {
    if (limiter !== undefined) {
      const release = limiter.tryAcquire(request.socket.remoteAddress ?? 'unknown');
      if (release === undefined) {
        const message = 'Too many requests: back off and retry';
        return send(response, errorReply({ status: 429, code: 'RATE_LIMITED', message }, { 'retry-after': '1' }));
      }
      response.once('close', release);
    }
    const delay = latency === undefined ? 0 : latency.fixedMilliseconds + random() * latency.jitterMilliseconds;
    // A real service takes time, so requests overlap; with no latency knob the concurrency limit
    // could never be reached, so rate limiting holds each request for a few milliseconds.
    const serviceTime = limiter === undefined ? delay : Math.max(delay, RATE_LIMITED_SERVICE_MILLISECONDS);
    if (serviceTime === 0) return routeSafely(request, response);
    setTimeout(routeSafely, serviceTime, request, response);
  }

  return { handle, store };
}
