// Hands out the bearer token of a run: the static ENGAGE_TOKEN, or an OAuth2 client-credentials
// token that is cached and fetched again shortly before it expires, in the background while the
// held one still serves.
import { oauthErrorOf, REDIRECT_STATUSES, tokenRefusalSetting } from './answer-remedy.ts';
import { refreshMarginMilliseconds, SUITE_USER_AGENT, tokenLifetimeSeconds } from './api-facts.ts';
import { noAnswerWithin } from './exact-request.ts';
import { REQUEST_TIMEOUT_RULE } from './read-number.ts';
import type { AuthConfig } from './suite-config.ts';
import {
  CLIENT_AUTHENTICATIONS,
  type ClientAuthentication,
  refusesTheAuthentication,
  reportedRefusal,
  TOKEN_RETRY_MILLISECONDS,
  tokenRedirect,
  tokenRequest,
  UNUSABLE_TOKEN_ANSWER,
  usableAccessToken,
} from './token-request.ts';

/** A token endpoint's JSON answer, as far as it is read. */
type TokenAnswer = { access_token?: unknown; expires_in?: unknown; error?: unknown } | undefined;

export interface TokenProvider {
  getToken(): Promise<string>;
}

export class TokenRequestError extends Error {
  override name = 'TokenRequestError';
  /**
   * The token endpoint's HTTP status, when it answered, and its OAuth `error` code, when it gave a
   * registered one; `reason`: why no token came, when the endpoint refused none (ECONNREFUSED, a
   * timeout, a 200 without a token).
   */
  constructor(
    message: string,
    readonly status?: number,
    readonly oauthError?: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

interface TokenProviderOptions {
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMilliseconds?: number;
}

export function createTokenProvider(auth: AuthConfig, options: TokenProviderOptions = {}): TokenProvider {
  if (auth.kind === 'static-token') return { getToken: async () => auth.token.reveal() };
  return createClientCredentialsProvider(auth, options);
}

/** A held token is not handed out this close to its expiry: a request could arrive after it. */
const HELD_TOKEN_SAFETY_MILLISECONDS = 5_000;

/**
 * How long after it was asked for a token is refreshed: the suite's margin before expiry, and the
 * held-token safety before that, so that the refresh has a while to run in the background (for a
 * token of a minute or more); at the latest halfway through its life.
 */
export function refreshDueAfterMilliseconds(lifetimeMilliseconds: number): number {
  return Math.max(
    lifetimeMilliseconds / 2,
    lifetimeMilliseconds - refreshMarginMilliseconds(lifetimeMilliseconds) - HELD_TOKEN_SAFETY_MILLISECONDS,
  );
}

function createClientCredentialsProvider(
  auth: Extract<AuthConfig, { kind: 'client-credentials' }>,
  options: TokenProviderOptions,
): TokenProvider {
  const { fetch: fetchFunction = fetch, now = Date.now, timeoutMilliseconds = REQUEST_TIMEOUT_RULE.fallback } = options;
  let cached: { token: string; refreshAt: number; expiresAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  /** The way of authenticating that the endpoint took last: the later requests use it alone. */
  let taken: ClientAuthentication | undefined;

  /** The endpoint's answer to one token request, redirects within its origin followed, and its JSON body. */
  async function sendTokenRequest(how: ClientAuthentication): Promise<{ response: Response; body: TokenAnswer }> {
    const client = { clientId: auth.clientId, clientSecret: auth.clientSecret.reveal(), scope: auth.scope };
    const { form, authorization } = tokenRequest(client, how, (ascii) => Buffer.from(ascii).toString('base64'));
    let response: Response;
    // Redirects are followed here, within the endpoint's own origin (config/token-request.ts).
    for (let url = auth.tokenUrl, hops = 0; ; hops++) {
      try {
        response = await fetchFunction(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
            'user-agent': SUITE_USER_AGENT,
            ...(authorization === undefined ? {} : { authorization }),
          },
          body: new URLSearchParams(form),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMilliseconds),
        });
      } catch (error) {
        // fetch says only "fetch failed"; its cause says why (ECONNREFUSED, a timeout).
        const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
        const reason =
          (error as Error).name === 'TimeoutError'
            ? noAnswerWithin(`${timeoutMilliseconds / 1000} s`)
            : cause?.message === 'bad port'
              ? `Node's fetch refuses port ${new URL(url).port}, one the Fetch standard blocks: serve the token endpoint on another`
              : cause?.code || cause?.message || (error as Error).message;
        throw new TokenRequestError(
          `token request to ${auth.tokenUrl} failed: ${reason}`,
          undefined,
          undefined,
          reason,
        );
      }
      if (!REDIRECT_STATUSES.includes(response.status)) break;
      // Its body is not read: released, so that its connection serves the next hop.
      await response.body?.cancel();
      const next = tokenRedirect(response.headers.get('location') ?? undefined, url, hops);
      if ('refuse' in next)
        throw new TokenRequestError(
          `token request to ${auth.tokenUrl}: ${next.refuse}`,
          response.status,
          undefined,
          next.refuse,
        );
      url = next.follow;
    }
    const body = (await response.json().catch(() => undefined)) as TokenAnswer;
    return { response, body };
  }

  async function requestToken(): Promise<string> {
    const requestedAt = now();
    // Each way of authenticating in turn, until one is not refused for how the client authenticated.
    let answer: { response: Response; body: TokenAnswer } | undefined;
    const refusals: Array<{ response: Response; body: TokenAnswer; oauthError?: string }> = [];
    for (const how of taken === undefined ? CLIENT_AUTHENTICATIONS : [taken]) {
      const sent = await sendTokenRequest(how);
      const oauthError = oauthErrorOf(sent.body);
      // An answer other than a refusal of the authentication (a token, an invalid_scope, a 500) is final.
      if (!refusesTheAuthentication(sent.response.status, oauthError)) {
        if (sent.response.ok) taken = how;
        answer = sent;
        break;
      }
      refusals.push({ ...sent, oauthError });
    }
    // Every way refused: the next request tries each again, as the endpoint may have changed.
    if (answer === undefined) taken = undefined;
    const { response, body } = answer ?? reportedRefusal(refusals as [(typeof refusals)[number]]);
    if (!response.ok) {
      const oauthError = oauthErrorOf(body);
      throw new TokenRequestError(
        `token request to ${auth.tokenUrl} was refused with HTTP ${response.status}${oauthError === undefined ? '' : ` ${oauthError}`} (check ${tokenRefusalSetting(response.status, oauthError, auth.settings)})`,
        response.status,
        oauthError,
      );
    }
    const lifetimeSeconds = tokenLifetimeSeconds(body?.expires_in);
    const token = usableAccessToken(body?.access_token);
    if (token === undefined || lifetimeSeconds === undefined) {
      throw new TokenRequestError(
        `token response from ${auth.tokenUrl}: ${UNUSABLE_TOKEN_ANSWER}`,
        response.status,
        undefined,
        UNUSABLE_TOKEN_ANSWER,
      );
    }
    const lifetime = lifetimeSeconds * 1000;
    cached = {
      token,
      refreshAt: requestedAt + refreshDueAfterMilliseconds(lifetime),
      expiresAt: requestedAt + lifetime,
    };
    return token;
  }

  return {
    async getToken() {
      if (cached !== undefined && now() < cached.refreshAt) return cached.token;
      inFlight ??= requestToken().finally(() => {
        inFlight = undefined;
      });
      const held = cached;
      if (held === undefined || now() + HELD_TOKEN_SAFETY_MILLISECONDS >= held.expiresAt) return await inFlight;
      // The held token still has a while to live: it serves while the refresh runs, so that no request
      // waits on the token endpoint (nor counts that wait in its latency). A refresh that fails leaves
      // it serving, and the endpoint is asked again a little later, not by every call.
      inFlight.catch(() => {
        held.refreshAt = Math.min(now() + TOKEN_RETRY_MILLISECONDS, held.expiresAt - HELD_TOKEN_SAFETY_MILLISECONDS);
      });
      return held.token;
    },
  };
}
