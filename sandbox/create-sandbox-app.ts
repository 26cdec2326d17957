// The sandbox's request handler (no listening socket): the appointment-by-id endpoint and the
// client-credentials token endpoint, as ../shared/api-notes.md describes them, plus opt-in knobs
// for latency, injected errors, rate limiting and deliberate faults.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppointmentStore } from './appointment-store.ts';
import { defaultSeed } from './default-seed.ts';
import { errorBody, type SandboxError } from './error-responses.ts';
import { breakAppointmentBody, type FaultName, faultyNegotiationRules } from './faults.ts';
import { parseAcceptLanguage } from './language-negotiation.ts';
import { DOCUMENTED_RATE_LIMITS, RateLimiter, type RateLimits } from './rate-limiter.ts';
import { renderAppointment } from './render-appointment.ts';
import { SandboxAuth } from './sandbox-auth.ts';
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
  faults?: Iterable<FaultName>;
  random?: () => number;
}

export interface SandboxApp {
  handle(request: IncomingMessage, response: ServerResponse): void;
  store: AppointmentStore;
}

const appointmentPath = /^\/enterprises\/([^/]+)\/appointments\/([^/]+)$/;
const tokenPath = /^\/realms\/([^/]+)\/protocol\/openid-connect\/token$/;
const JSON_TYPE = 'application/json; charset=utf-8';

export function createSandboxApp(options: SandboxOptions = {}): SandboxApp {
  const store = new AppointmentStore(options.seed ?? defaultSeed);
  const auth = new SandboxAuth(options.tokenLifetimeSeconds ?? 300);
  const faults = new Set(options.faults ?? []);
  const random = options.random ?? Math.random;
  const rateLimits = options.rateLimit === true ? DOCUMENTED_RATE_LIMITS : options.rateLimit || undefined;
  const limiter = rateLimits === undefined ? undefined : new RateLimiter(rateLimits);

  function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const bytes = JSON.stringify(body);
    const contentType = faults.has('non-json-content-type') ? 'text/plain; charset=utf-8' : JSON_TYPE;
    response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(bytes), ...headers });
    response.end(response.req.method === 'HEAD' ? undefined : bytes);
  }

  function sendError(response: ServerResponse, error: SandboxError, headers: Record<string, string> = {}) {
    const body =
      error.status === 404 && faults.has('not-found-without-errors') ? { message: error.message } : errorBody(error);
    if (faults.has('numeric-status-code') && 'errors' in body)
      Object.assign(body.errors[0], { statusCode: error.status });
    sendJson(response, error.status, body, headers);
  }

  function serveAppointment(request: IncomingMessage, response: ServerResponse, enterpriseId: string, rawId: string) {
    const correlationHeader = request.headers['x-correlation-id'];
    const correlationId = typeof correlationHeader === 'string' ? correlationHeader : randomUUID();
    const echo: Record<string, string> = faults.has('no-correlation-echo') ? {} : { 'x-correlation-id': correlationId };
    const fail = (error: SandboxError) => sendError(response, error, echo);

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendError(
        response,
        { status: 405, code: 'METHOD_NOT_ALLOWED', message: `${request.method} is not allowed here` },
        { allow: 'GET, HEAD' },
      );
    }
    if (!faults.has('no-auth-check')) {
      const denied = auth.check(request.headers.authorization, enterpriseId);
      if (denied !== undefined) return fail(denied);
    }
    if (
      !faults.has('accept-any-correlation-id') &&
      correlationHeader !== undefined &&
      (correlationId.length < 1 || correlationId.length > 36)
    ) {
      return fail({
        status: 400,
        code: 'INVALID_CORRELATION_ID',
        message: 'X-Correlation-Id must be 1 to 36 characters',
      });
    }
    const acceptLanguage = faults.has('ignore-accept-language') ? undefined : request.headers['accept-language'];
    const parsed = parseAcceptLanguage(acceptLanguage);
    if (!parsed.ok)
      return fail({ status: 400, code: 'INVALID_ACCEPT_LANGUAGE', message: `Accept-Language ${parsed.reason}` });
    let id: string;
    let enterpriseName: string;
    try {
      id = decodeURIComponent(rawId);
      enterpriseName = decodeURIComponent(enterpriseId);
    } catch {
      return fail({ status: 400, code: 'INVALID_PATH', message: 'The path is not valid percent-encoding' });
    }
    if (faults.has('server-error-on-odd-ids') && id.length % 2 === 1) {
      return fail({ status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong' });
    }
    if (options.errorRate !== undefined && random() < options.errorRate) {
      return fail({ status: 500, code: 'INJECTED_FAULT', message: 'An error injected by SANDBOX_ERROR_RATE' });
    }
    const enterprise = store.enterprise(enterpriseName);
    const appointment = enterprise?.appointments.get(id);
    if (enterprise === undefined || appointment === undefined) {
      return fail({ status: 404, code: 'APPOINTMENT_NOT_FOUND', message: 'No appointment with this id exists' });
    }
    const rules = faultyNegotiationRules({ defaultLanguage: enterprise.defaultLanguage, regionFallback: true }, faults);
    const rendered = renderAppointment(appointment, parsed.preference, rules);
    const headers: Record<string, string> = { ...echo, vary: 'Accept-Language' };
    if (rendered.languages.length > 0 && !faults.has('no-content-language'))
      headers['content-language'] = rendered.languages.join(', ');
    sendJson(response, 200, faults.size > 0 ? breakAppointmentBody(rendered.body, faults) : rendered.body, headers);
  }

  function route(request: IncomingMessage, response: ServerResponse) {
    const path = (request.url ?? '/').split('?')[0] as string;
    const appointment = appointmentPath.exec(path);
    if (appointment !== null)
      return serveAppointment(request, response, appointment[1] as string, appointment[2] as string);
    const token = tokenPath.exec(path);
    if (token !== null) return respondToTokenRequest(request, response, auth, token[1] as string);
    sendError(response, { status: 404, code: 'NOT_FOUND', message: 'No such path' });
  }

  function handle(request: IncomingMessage, response: ServerResponse) {
    const release = limiter?.tryAcquire(request.socket.remoteAddress ?? 'unknown');
    if (limiter !== undefined && release === undefined) {
      return sendError(
        response,
        { status: 429, code: 'RATE_LIMITED', message: 'Too many requests: back off and retry' },
        { 'retry-after': '1' },
      );
    }
    response.once('close', () => release?.());
    const latency = options.latency;
    const delay = latency === undefined ? 0 : latency.fixedMilliseconds + random() * latency.jitterMilliseconds;
    const run = () => {
      try {
        route(request, response);
      } catch {
        if (!response.headersSent)
          sendError(response, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected sandbox error' });
      }
    };
    if (delay > 0) setTimeout(run, delay);
    else run();
  }

  return { handle, store };
}
