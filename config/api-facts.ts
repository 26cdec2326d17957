// The facts every layer shares, Node and k6 alike (so no Node imports): the appointment path, what
// counts as JSON, the suite's User-Agent, the documented rate limit, when to refresh a token, the
// translatable fields (a test pins them to the schema), and the sandbox's well-known credentials.

/** The appointment-by-id path, each segment percent-encoded. */
export function appointmentPath(enterprise: string, id: string): string {
  return `/enterprises/${encodeURIComponent(enterprise)}/appointments/${encodeURIComponent(id)}`;
}

/**
 * Why `baseUrl` cannot be the API's base, or undefined: it holds the path the suite adds itself
 * (`…/enterprises/acme/appointments`), which a 404 would later blame on the appointment id.
 */
export function baseUrlPathProblem(baseUrl: string): string | undefined {
  // Any case: a gateway may route paths case-insensitively, and the 404 would still blame the id.
  const at = baseUrl.search(/\/enterprises(\/|$)/i);
  if (at === -1) return undefined;
  return `ends in ${baseUrl.slice(at)}, a path the suite adds to it: set the API's base URL, ${baseUrl.slice(0, at)}`;
}

/** The appointment's segments, with the enterprise and the id captured (still encoded). */
const APPOINTMENT_SEGMENTS = '/enterprises/([^/?]+)/appointments/([^/?]+)';
/** The path, and an optional query: the route a server answers. */
export const APPOINTMENT_ROUTE = new RegExp(`^${APPOINTMENT_SEGMENTS}(\\?.*)?$`);
/** The end of a URL's path (no query) under any base: what a redirect to an appointment elsewhere ends with. */
export const APPOINTMENT_PATH_END = new RegExp(`${APPOINTMENT_SEGMENTS}$`);

/**
 * A JSON answer: `application/json` or any `application/…+json` type, any case, with or without
 * parameters such as a charset (RFC 6838). As a regex source, for the pact's header matcher.
 */
export const JSON_MEDIA_TYPE_PATTERN =
  '^[Aa][Pp][Pp][Ll][Ii][Cc][Aa][Tt][Ii][Oo][Nn]/([^;\\s]+\\+)?[Jj][Ss][Oo][Nn]\\s*(;.*)?$';
const JSON_MEDIA_TYPE = new RegExp(JSON_MEDIA_TYPE_PATTERN);

export function isJsonMediaType(contentType: string | null | undefined): boolean {
  return JSON_MEDIA_TYPE.test(contentType ?? '');
}

/**
 * The User-Agent of every request of the suite, Node's and k6's (a check may send another, or none).
 * RFC 9110 §10.1.5: a user agent SHOULD send one, and web application firewalls refuse requests
 * without one (AWS WAF's NoUserAgent_HEADER rule answers 403), which read as the token's fault.
 */
export const SUITE_USER_AGENT = 'engage-api-suite';

/** A rate limit per client: requests a minute, and requests at once. */
export interface RateLimit {
  perMinute: number;
  concurrent: number;
}
/**
 * The API's documented rate limit per client ("possibly less per endpoint"): the sandbox enforces it,
 * the load guards stay under it, or under a lower one a run gives.
 */
export const DOCUMENTED_RATE_LIMIT: Readonly<RateLimit> = { perMinute: 3000, concurrent: 4 };

/** Where exponential back-off stops growing. */
const BACKOFF_CEILING_SECONDS = 8;
/** The most of a Retry-After the suite waits: past it, a server's ask is no longer a pause in a test run. */
export const RETRY_AFTER_CEILING_SECONDS = 60;

/**
 * The wait after a 429: exponential back-off, as the docs ask of clients (0.5, 1, 2, 4, 8, 8… s), or
 * as long as the answer's Retry-After asks when that is longer (standard HTTP, though the docs name
 * no rate-limit header), up to RETRY_AFTER_CEILING_SECONDS: sending again sooner ignores the server.
 */
export function backoffSeconds(consecutiveRateLimited: number, retryAfter = 0): number {
  const exponential = Math.min(BACKOFF_CEILING_SECONDS, 0.5 * 2 ** Math.max(0, consecutiveRateLimited - 1));
  return Math.max(exponential, Math.min(RETRY_AFTER_CEILING_SECONDS, retryAfter));
}

/** IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and the obsolete RFC 850 form (`Sunday, 06-Nov-94 08:49:37 GMT`). */
const HTTP_DATE = /^[A-Z][a-z]{2}(?:[a-z]{3,6})?, \d{2}[ -][A-Z][a-z]{2}[ -]\d{2}(?:\d{2})? \d{2}:\d{2}:\d{2} GMT$/;
/** The obsolete asctime form (`Sun Nov  6 08:49:37 1994`). */
const ASCTIME_DATE = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * The seconds a Retry-After header asks for (RFC 9110 §10.2.3: a number of seconds or an HTTP date),
 * or 0 when there is none or it cannot be read.
 */
export function retryAfterSeconds(header: string | undefined, nowMilliseconds: number): number {
  const value = header?.trim() ?? '';
  if (/^\d+$/.test(value)) return Number(value);
  // Only the three forms of an HTTP date, which Node's and k6's Date.parse both read: a looser text
  // would be read loosely. asctime is in GMT without saying so.
  const date = HTTP_DATE.test(value)
    ? Date.parse(value)
    : ASCTIME_DATE.test(value)
      ? Date.parse(`${value} GMT`)
      : Number.NaN;
  return Number.isNaN(date) ? 0 : Math.max(0, (date - nowMilliseconds) / 1000);
}

/** The lifetime a token is taken to have when its endpoint names none: RFC 6749 §5.1 only recommends expires_in. */
export const ASSUMED_TOKEN_LIFETIME_SECONDS = 60;

/**
 * A token answer's lifetime in seconds: its expires_in (a number, or one written in a string, as
 * some endpoints send it), ASSUMED_TOKEN_LIFETIME_SECONDS when it names none (or an empty string),
 * or undefined when the one it names is no positive finite number.
 */
export function tokenLifetimeSeconds(expiresIn: unknown): number | undefined {
  const text = typeof expiresIn === 'string' ? expiresIn.trim() : undefined;
  if (expiresIn === undefined || expiresIn === null || text === '') return ASSUMED_TOKEN_LIFETIME_SECONDS;
  const seconds = text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : expiresIn;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** How long before a token expires a new one is fetched: a tenth of its lifetime, at most 30 s. */
export function refreshMarginMilliseconds(lifetimeMilliseconds: number): number {
  return Math.min(30_000, lifetimeMilliseconds / 10);
}

/**
 * A language tag as RFC 5646 spells one (subtags of letters and digits joined by hyphens: `nl`, `nl-BE`,
 * `zh-Hant-TW`), the source of translatable-value.schema.json's pattern (a test keeps the two equal).
 */
export const LANGUAGE_TAG_SOURCE = '[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*';
export const LANGUAGE_TAG = new RegExp(`^${LANGUAGE_TAG_SOURCE}$`);

/** Whether a language range covers a tag, in any case: the tag itself, or a longer one that starts with it. */
export function isCoveredBy(tag: string, range: string): boolean {
  const lowerCaseTag = tag.toLowerCase();
  const lowerCaseRange = range.toLowerCase();
  return lowerCaseTag === lowerCaseRange || lowerCaseTag.startsWith(`${lowerCaseRange}-`);
}

/**
 * Whether a translation's tag may answer a request for `asked` where a field lacks it: the same tag,
 * a longer one (RFC 4647 basic filtering, which RFC 9110 §12.5.4 names: `nl` → `nl-BE`) or a shorter
 * one (lookup: `nl-BE` → `nl`). A correct provider may match either way, or exactly.
 */
export const isRelatedTag = (tag: string, asked: string) => isCoveredBy(tag, asked) || isCoveredBy(asked, tag);

/** The languages the docs list as supported, in the case the docs write them. */
export const DOCUMENTED_LANGUAGES = ['en', 'nl', 'fr', 'de', 'no', 'da', 'es', 'el', 'ja', 'pl'] as const;

/** The translatable fields of a location (the keys of location.schema.json's `translations`). */
export const TRANSLATABLE_FIELDS = ['city', 'state', 'street1', 'street2'] as const;
export type TranslatableField = (typeof TRANSLATABLE_FIELDS)[number];

/** The documented length of an X-Correlation-Id: 1 to this many characters. */
export const CORRELATION_ID_MAX_LENGTH = 36;

/** The scopes that may read appointments. */
export const READ_SCOPES = ['engage:appointments:readOnly', 'engage:appointments:readWrite'] as const;

/** What the embedded sandbox serves and accepts; used whenever ENGAGE_BASE_URL is unset. */
export const SANDBOX_DEFAULTS = {
  enterprise: 'acme',
  token: 'sandbox-token',
  noScopeToken: 'sandbox-token-no-scope',
  expiredToken: 'sandbox-token-expired',
  appointmentId: '123',
  /** Seeded appointments with one, several, no English, and no location. */
  appointmentIds: [
    '123',
    'a-office-accepted',
    'a-office-multilingual',
    'a-on-location-no-english',
    'a-phone-no-location',
  ],
  defaultLanguage: 'en',
  /** The sandbox's client-credentials clients, one of them without the appointments scope. */
  clients: [
    { clientId: 'sandbox-client', clientSecret: 'sandbox-client-secret', scopes: [...READ_SCOPES] },
    { clientId: 'sandbox-client-no-scope', clientSecret: 'sandbox-client-no-scope-secret', scopes: ['profile'] },
  ],
} as const;
