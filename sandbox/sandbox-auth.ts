// The sandbox's Keycloak-like auth: two static tokens (one without the appointments scope, for 403),
// and a client-credentials token endpoint per realm whose tokens expire.
import { randomBytes } from 'node:crypto';
import type { SandboxError } from './error-responses.ts';

export const READ_SCOPES = ['engage:appointments:readOnly', 'engage:appointments:readWrite'];

export const SANDBOX_CLIENTS = [
  { clientId: 'sandbox-client', clientSecret: 'sandbox-client-secret', scopes: [...READ_SCOPES] },
  { clientId: 'sandbox-client-no-scope', clientSecret: 'sandbox-client-secret', scopes: ['profile'] },
];

/** Past this many tokens, expired ones are forgotten, so that a long-running sandbox does not grow. */
const MAX_TOKENS = 10_000;
const bearerPattern = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;

interface IssuedToken {
  /** The realm (enterprise) that issued it; undefined for the static tokens, valid everywhere. */
  realm?: string;
  scopes: string[];
  expiresAt: number;
}

export type TokenRequest = { grantType?: string; clientId?: string; clientSecret?: string; scope?: string };
export type TokenGrant =
  | { ok: true; body: { access_token: string; token_type: 'Bearer'; expires_in: number; scope: string } }
  | { ok: false; status: 400 | 401; body: { error: string; error_description: string } };

export class SandboxAuth {
  readonly #tokens = new Map<string, IssuedToken>([
    ['sandbox-token', { scopes: [READ_SCOPES[0] as string], expiresAt: Number.POSITIVE_INFINITY }],
    ['sandbox-token-no-scope', { scopes: ['profile'], expiresAt: Number.POSITIVE_INFINITY }],
  ]);

  constructor(
    private readonly tokenLifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** OAuth2 client credentials (RFC 6749 §4.4) for one realm. */
  grant(realm: string, request: TokenRequest): TokenGrant {
    if (request.grantType !== 'client_credentials') {
      return {
        ok: false,
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'only client_credentials is supported' },
      };
    }
    const client = SANDBOX_CLIENTS.find((candidate) => candidate.clientId === request.clientId);
    if (client === undefined || client.clientSecret !== request.clientSecret) {
      return {
        ok: false,
        status: 401,
        body: { error: 'invalid_client', error_description: 'unknown client or wrong secret' },
      };
    }
    const requested = request.scope?.split(' ').filter((scope) => scope !== '') ?? client.scopes;
    if (requested.some((scope) => !client.scopes.includes(scope))) {
      return {
        ok: false,
        status: 400,
        body: { error: 'invalid_scope', error_description: 'a requested scope is not granted to this client' },
      };
    }
    if (this.#tokens.size > MAX_TOKENS) this.#forgetExpired();
    const token = randomBytes(24).toString('base64url');
    this.#tokens.set(token, { realm, scopes: requested, expiresAt: this.now() + this.tokenLifetimeSeconds * 1000 });
    return {
      ok: true,
      body: {
        access_token: token,
        token_type: 'Bearer',
        expires_in: this.tokenLifetimeSeconds,
        scope: requested.join(' '),
      },
    };
  }

  #forgetExpired(): void {
    const now = this.now();
    for (const [token, issued] of this.#tokens) if (issued.expiresAt <= now) this.#tokens.delete(token);
  }

  /** undefined when the request may read appointments of the enterprise, else the 401/403 to send. */
  check(authorization: string | undefined, enterprise: string): SandboxError | undefined {
    const token = bearerPattern.exec(authorization ?? '')?.[1];
    if (token === undefined) {
      const problem = authorization === undefined ? 'is missing' : 'is not "Bearer <token>"';
      return { status: 401, code: 'UNAUTHORIZED', message: `The Authorization header ${problem}` };
    }
    const issued = this.#tokens.get(token);
    if (issued === undefined || (issued.realm !== undefined && issued.realm !== enterprise)) {
      return { status: 401, code: 'INVALID_TOKEN', message: 'The access token is not valid for this enterprise' };
    }
    if (this.now() >= issued.expiresAt) {
      this.#tokens.delete(token);
      return { status: 401, code: 'TOKEN_EXPIRED', message: 'The access token has expired' };
    }
    if (!issued.scopes.some((scope) => READ_SCOPES.includes(scope))) {
      return {
        status: 403,
        code: 'INSUFFICIENT_SCOPE',
        message: `The access token lacks the scope ${READ_SCOPES.join(' or ')}`,
      };
    }
    return undefined;
  }
}
