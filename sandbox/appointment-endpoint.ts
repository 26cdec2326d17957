// GET /enterprises/{enterprise}/appointments/{id} as the notes describe it: method, auth, header
// checks, lookup and language negotiation, answered as a Reply that the HTTP layer writes.
import { randomUUID } from 'node:crypto';
import { CORRELATION_ID_MAX_LENGTH, SANDBOX_DEFAULTS } from '../config/api-facts.ts';
import type { AppointmentStore } from './appointment-store.ts';
import { errorBody, type SandboxError } from './error-responses.ts';
import { breakAppointmentBody, type FaultName, faultyAcceptLanguage, faultyNegotiationRules } from './faults.ts';
import { parseAcceptLanguage } from './language-negotiation.ts';
import { renderAppointment } from './render-appointment.ts';
import type { RenderCache } from './render-cache.ts';
import { OTHER_REALM, type SandboxAuth } from './sandbox-auth.ts';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** An object to serialise, or the bytes of one that already is. */
  body: unknown;
}

/** The request headers the endpoint reads. */
export interface EndpointHeaders {
  authorization?: string;
  'x-correlation-id'?: string;
  'accept-language'?: string;
}

const ENDPOINT_HEADER_NAMES = new Set(['authorization', 'x-correlation-id', 'accept-language']);
/** Their lengths: a name of another length is passed by without lower-casing it. */
const ENDPOINT_HEADER_LENGTHS = new Set([...ENDPOINT_HEADER_NAMES].map((name) => name.length));

/**
 * Reads those headers straight from rawHeaders: building Node's request.headers object costs more
 * than the rest of a cached lookup (a name already in lower case is taken as it is). Accept-Language
 * is a list (RFC 9110 §5.3), so repeated lines are one list joined by commas; of the others the
 * first line counts.
 */
export function endpointHeaders(rawHeaders: string[], joinLanguageLines = true): EndpointHeaders {
  let authorization: string | undefined;
  let correlationId: string | undefined;
  let acceptLanguage: string | undefined;
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const raw = rawHeaders[index] as string;
    if (!ENDPOINT_HEADER_LENGTHS.has(raw.length)) continue;
    const name = ENDPOINT_HEADER_NAMES.has(raw) ? raw : raw.toLowerCase();
    const value = rawHeaders[index + 1] as string;
    if (name === 'authorization') authorization ??= value;
    else if (name === 'x-correlation-id') correlationId ??= value;
    else if (name === 'accept-language')
      acceptLanguage =
        acceptLanguage === undefined ? value : joinLanguageLines ? `${acceptLanguage}, ${value}` : acceptLanguage;
  }
  return { authorization, 'x-correlation-id': correlationId, 'accept-language': acceptLanguage };
}

export interface AppointmentEndpoint {
  store: AppointmentStore;
  auth: SandboxAuth;
  renderCache: RenderCache;
  faults: ReadonlySet<FaultName>;
  errorRate?: number;
  random: () => number;
  /** `nl` also matches `nl-BE`: another correct provider's way (SandboxOptions.basicFiltering). */
  basicFiltering: boolean;
}

export function errorReply(error: SandboxError, headers: Record<string, string> = {}): Reply {
  return { status: error.status, headers, body: errorBody(error) };
}

export function answerAppointmentRequest(
  endpoint: AppointmentEndpoint,
  method: string | undefined,
  headers: EndpointHeaders,
  pathEnterprise: string,
  rawId: string,
): Reply {
  const { faults } = endpoint;
  // ignore-enterprise: an enterprise that does not exist is read as the default one, as a provider
  // that serves an appointment whatever enterprise the path names.
  const rawEnterprise =
    faults.has('ignore-enterprise') && endpoint.store.enterprise(pathEnterprise) === undefined
      ? SANDBOX_DEFAULTS.enterprise
      : pathEnterprise;
  if (method !== 'GET' && method !== 'HEAD') {
    if (faults.has('not-found-for-other-methods'))
      return errorReply({ status: 404, code: 'NOT_FOUND', message: 'No such path' });
    const message = `${method} is not allowed here`;
    return errorReply({ status: 405, code: 'METHOD_NOT_ALLOWED', message }, { allow: 'GET, HEAD' });
  }
  const correlationHeader = headers['x-correlation-id'];
  const responseHeaders: Record<string, string> = faults.has('no-correlation-echo')
    ? {}
    : { 'x-correlation-id': typeof correlationHeader === 'string' ? correlationHeader : randomUUID() };
  // auth-for-numeric-ids-only: the token checked on one route of the provider's and not another.
  const unchecked = faults.has('no-auth-check') || (faults.has('auth-for-numeric-ids-only') && !/^\d+$/.test(rawId));
  if (!unchecked) {
    const denied = endpoint.auth.check(headers.authorization, rawEnterprise);
    // no-scope-check: a valid token is enough, whatever its scopes; accept-invalid-tokens: any
    // well-formed bearer token is, issued or not, for this enterprise or another; ignore-token-realm:
    // a token of one enterprise reads another's appointments.
    const ignored =
      (denied?.status === 403 && faults.has('no-scope-check')) ||
      ((denied?.code === 'INVALID_TOKEN' || denied?.code === OTHER_REALM) && faults.has('accept-invalid-tokens')) ||
      (denied?.code === OTHER_REALM && faults.has('ignore-token-realm')) ||
      (denied?.code === 'TOKEN_EXPIRED' && faults.has('accept-expired-tokens'));
    if (denied !== undefined && !ignored) return errorReply(denied, responseHeaders);
  }
  const correlationLength = correlationHeader?.length ?? 1;
  // refuse-correlation-ids: a provider that takes none, whatever its length.
  const refused = correlationHeader !== undefined && faults.has('refuse-correlation-ids');
  if (
    refused ||
    ((correlationLength < 1 || correlationLength > CORRELATION_ID_MAX_LENGTH) &&
      !faults.has('accept-any-correlation-id'))
  ) {
    const message = `X-Correlation-Id must be 1 to ${CORRELATION_ID_MAX_LENGTH} characters`;
    return errorReply({ status: 400, code: 'INVALID_CORRELATION_ID', message }, responseHeaders);
  }
  let id: string;
  let enterpriseId: string;
  try {
    id = rawId.includes('%') ? decodeURIComponent(rawId) : rawId;
    enterpriseId = rawEnterprise.includes('%') ? decodeURIComponent(rawEnterprise) : rawEnterprise;
  } catch {
    return errorReply(
      { status: 400, code: 'INVALID_PATH', message: 'The path is not valid percent-encoding' },
      responseHeaders,
    );
  }
  if (faults.has('server-error-on-odd-ids') && id.length % 2 === 1) {
    return errorReply({ status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong' }, responseHeaders);
  }
  if (endpoint.errorRate !== undefined && endpoint.random() < endpoint.errorRate) {
    return errorReply(
      { status: 500, code: 'INJECTED_FAULT', message: 'Injected by SANDBOX_ERROR_RATE' },
      responseHeaders,
    );
  }
  const acceptLanguage = faults.has('ignore-accept-language') ? undefined : headers['accept-language'];
  const enterprise = endpoint.store.enterprise(enterpriseId);
  const appointment =
    enterprise?.appointments.get(id) ??
    (faults.has('serve-any-id') ? enterprise?.appointments.values().next().value : undefined);
  // A header that rendered before is valid, so only a cache miss needs parsing; a malformed header is
  // a 400 even for an unknown id.
  const cacheKey = `${enterpriseId}\n${id}\n${acceptLanguage ?? '\0'}`;
  let rendered = appointment === undefined ? undefined : endpoint.renderCache.lookup(cacheKey);
  if (rendered === undefined) {
    const parsed = parseAcceptLanguage(faultyAcceptLanguage(acceptLanguage, faults));
    if (!parsed.ok) {
      const message = `Accept-Language ${parsed.reason}`;
      return errorReply({ status: 400, code: 'INVALID_ACCEPT_LANGUAGE', message }, responseHeaders);
    }
    if (enterprise === undefined || appointment === undefined) {
      const message = 'No appointment with this id exists';
      return errorReply({ status: 404, code: 'APPOINTMENT_NOT_FOUND', message }, responseHeaders);
    }
    const rules = faultyNegotiationRules(
      { defaultLanguage: enterprise.defaultLanguage, regionFallback: true, basicFiltering: endpoint.basicFiltering },
      faults,
    );
    const { body, languages } = renderAppointment(appointment, parsed.preference, rules);
    const bytes = Buffer.from(
      JSON.stringify(faults.size > 0 ? breakAppointmentBody(body, faults, acceptLanguage !== undefined) : body),
    );
    const contentLanguage =
      languages.length > 0 && !faults.has('no-content-language') ? languages.join(', ') : undefined;
    rendered = endpoint.renderCache.remember(cacheKey, { bytes, contentLanguage });
  }
  responseHeaders.vary = 'Accept-Language';
  if (rendered.contentLanguage !== undefined) responseHeaders['content-language'] = rendered.contentLanguage;
  return { status: 200, headers: responseHeaders, body: rendered.bytes };
}
