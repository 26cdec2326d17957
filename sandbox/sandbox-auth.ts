// The sandbox's Keycloak-like auth: two static tokens (one without the appointments scope, for 403),
// and a client-credentials token endpoint per realm whose tokens (signed JWTs, shaped like
// Keycloak's) expire. The issued tokens are bounded: every token lives as long, so they expire in
// the order they were issued and are dropped from the front of that order on each grant; past the
// cap a grant is refused with 429.
import { randomBytes, randomUUID } from 'node:crypto';
import { READ_SCOPES, SANDBOX_DEFAULTS } from '../config/api-facts.ts';
import type { ErrorResponse } from '../schemas/types.generated.ts';
import { errorBody, type SandboxError } from './error-responses.ts';
import { hs256Jwt } from './hs256-jwt.ts';

/** At most this many live issued tokens: a long-running sandbox does not grow without bound. */
const MAX_LIVE_TOKENS = 10_000;
/** How long an issued token lasts unless SANDBOX_TOKEN_LIFETIME_S says otherwise. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 300;
const bearerPattern = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;
/** The error code of a token issued by another enterprise's realm (the `ignore-token-realm` fault ignores it). */
export const OTHER_REALM = 'TOKEN_OF_ANOTHER_ENTERPRISE';

interface IssuedToken {
  /** The realm (enterprise) that issued it; undefined for the static tokens, valid everywhere. */
  realm?: string;
  scopes: string[];
  expiresAt: number;
}

export type TokenRequest = { grantType?: string; clientId?: string; clientSecret?: string; scope?: string };
export type TokenGrant =
  | { ok: true; body: { access_token: string; token_type: 'Bearer'; expires_in: number; scope: string } }
  | { ok: false; status: 400 | 401; body: { error: string; error_description: string } }
  | { ok: false; status: 429; body: ErrorResponse };

/** A client-credentials client of the sandbox: the well-known ones, or others a test brings. */
export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
}

export class SandboxAuth {
  readonly #staticTokens = new Map<string, IssuedToken>([
    [SANDBOX_DEFAULTS.token, { scopes: [READ_SCOPES[0] as string], expiresAt: Number.POSITIVE_INFINITY }],
    [SANDBOX_DEFAULTS.noScopeToken, { scopes: ['profile'], expiresAt: Number.POSITIVE_INFINITY }],
    // A token of the API that has expired: what a client holds after its lifetime.
    [SANDBOX_DEFAULTS.expiredToken, { scopes: [READ_SCOPES[0] as string], expiresAt: 0 }],
  ]);
  /** Issued tokens in the order they expire (a Map iterates in insertion order). */
  readonly #issued = new Map<string, IssuedToken>();
  /** The key of this sandbox's HS256 signatures. A token is taken only as it was issued: a forged one is unknown. */
  readonly #signingKey = randomBytes(32);

  private readonly tokenLifetimeSeconds: number;
  private readonly now: () => number;
  private readonly maxLiveTokens: number;
  private readonly clients: readonly SandboxClient[];

  constructor({
    tokenLifetimeSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS,
    now = Date.now,
    maxLiveTokens = MAX_LIVE_TOKENS,
    clients = SANDBOX_DEFAULTS.clients,
  }: {
    tokenLifetimeSeconds?: number;
    /** The clock, which a test may turn. */
    now?: () => number;
    maxLiveTokens?: number;
    clients?: readonly SandboxClient[];
  }) {
    this.tokenLifetimeSeconds = tokenLifetimeSeconds;
    this.now = now;
    this.maxLiveTokens = maxLiveTokens;
    this.clients = clients;
  }

  /** How many issued tokens are kept. */
  get liveTokens(): number {
    return this.#issued.size;
  }

  /** OAuth2 client credentials (RFC 6749 §4.4) for one realm. */
  grant(realm: string, request: TokenRequest): TokenGrant {
    if (request.grantType !== 'client_credentials') {
      return {
        ok: false,
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'only client_credentials is supported' },
      };
    }
    const client = this.clients.find((candidate) => candidate.clientId === request.clientId);
    if (client === undefined || client.clientSecret !== request.clientSecret) {
      return {
        ok: false,
        status: 401,
        body: { error: 'invalid_client', error_description: 'unknown client or wrong secret' },
      };
    }
    const granted: readonly string[] = client.scopes;
    const requested = request.scope?.split(' ').filter((scope) => scope !== '') ?? [...granted];
    if (requested.some((scope) => !granted.includes(scope))) {
      return {
        ok: false,
        status: 400,
        body: { error: 'invalid_scope', error_description: 'a requested scope is not granted to this client' },
      };
    }
    this.#forgetExpired();
    if (this.#issued.size >= this.maxLiveTokens) {
      const message = `${this.maxLiveTokens} tokens are live: use one until it expires`;
      return { ok: false, status: 429, body: errorBody({ status: 429, code: 'TOO_MANY_TOKENS', message }) };
    }
    const now = this.now();
    const expiresAt = now + this.tokenLifetimeSeconds * 1000;
    const scope = requested.join(' ');
    // exp in whole seconds, rounded up: the token is refused from expiresAt on, never after exp (RFC 7519 §4.1.4).
    const claims = { iat: Math.floor(now / 1000), exp: Math.ceil(expiresAt / 1000), jti: randomUUID() };
    const token = hs256Jwt({ iss: `realms/${realm}`, azp: client.clientId, scope, ...claims }, this.#signingKey);
    this.#issued.set(token, { realm, scopes: requested, expiresAt });
    return {
      ok: true,
      body: { access_token: token, token_type: 'Bearer', expires_in: this.tokenLifetimeSeconds, scope },
    };
  }

  /** Drops expired tokens from the front: O(1) per token, never a scan of the live ones. */
  #forgetExpired(): void {
    const now = this.now();
    for (const [token, issued] of this.#issued) {
      if (issued.expiresAt > now) return;
      this.#issued.delete(token);
    }
  }

  /** undefined when the request may read appointments of the enterprise, else the 401/403 to send. */
  check(authorization: string | undefined, enterprise: string): SandboxError | undefined {
    const token = bearerPattern.exec(authorization ?? '')?.[1];
    if (token === undefined) {
      const problem = authorization === undefined ? 'is missing' : 'is not "Bearer <token>"';
      return { status: 401, code: 'UNAUTHORIZED', message: `The Authorization header ${problem}` };
    }
    const issued = this.#staticTokens.get(token) ?? this.#issued.get(token);
    if (issued === undefined)
      return { status: 401, code: 'INVALID_TOKEN', message: 'The access token is not valid for this enterprise' };
    if (issued.realm !== undefined && issued.realm !== enterprise)
      return { status: 401, code: OTHER_REALM, message: 'The access token is not valid for this enterprise' };
    if (this.now() >= issued.expiresAt) {
      this.#issued.delete(token);
      return { status: 401, code: 'TOKEN_EXPIRED', message: 'The access token has expired' };
    }
    if (!issued.scopes.some((scope) => (READ_SCOPES as readonly string[]).includes(scope))) {
      return {
        status: 403,
        code: 'INSUFFICIENT_SCOPE',
        message: `The access token lacks the scope ${READ_SCOPES.join(' or ')}`,
      };
    }
    return undefined;
  }
}
