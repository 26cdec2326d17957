// A forwarder on 127.0.0.1 that the e2e tests and provider verification talk to instead of the
// target: it puts the real token (or the no-scope or expired one, or one forged from the real one)
// where the request carries this run's random placeholder for it, so no credential ever enters
// Playwright, Pact's verifier, their traces or their reports. It adds a token only to a GET on the
// appointment path of the given enterprises (the configured one, the one the tenant check invents,
// and ENGAGE_OTHER_TENANT_APPOINTMENT's), and refuses any other request that carries a placeholder (a POST, another path): it is
// no open relay. Requests go out exactly as they came in (sendExactRequest): no header is added,
// dropped or merged. An answer that echoes a credential it was sent (a header, a body, compressed or
// not) comes back with the placeholder in its place, and any piece of it (SHORTEST_REDACTED
// characters or more) with [redacted], the body decoded then.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tokenEndpointFailed } from './answer-remedy.ts';
import { appointmentPath } from './api-facts.ts';
import { decodedBody, isNoAnswer, sendExactRequest } from './exact-request.ts';
import { failureWithoutStack } from './failure-without-stack.ts';
import { FORGERIES, forgedTokens } from './forged-tokens.ts';
import { listenOnLoopback } from './listen-on-loopback.ts';
import { SHORTEST_REDACTED, withoutPiecesOf } from './secret-settings.ts';
import { describeNoAnswer } from './target-reachability.ts';
import { TokenRequestError } from './token-provider.ts';

/** The shortest credential looked for in answers: a shorter one would match other text of a healthy answer. */
const MASKED_MIN_LENGTH = 16;

/** Set on the proxy's own answer when the target could not be reached, with the reason. */
export const PROXY_ERROR_HEADER = 'x-suite-forwarder-error';
/** Every placeholder starts with this, so that tests can find it in traces. */
export const PLACEHOLDER_PREFIX = 'token-added-by-the-suite-forwarder';

// Hop-by-hop headers, and Host, which node sets for the target.
const notForwarded = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']);

export interface TokenInjectingProxy {
  url: string;
  /** The target it forwards to: where a relative Location in an answer points. */
  targetUrl: string;
  /** What this run's requests carry instead of the token. */
  placeholder: string;
  /** What the 403 check carries instead of its token (ENGAGE_NO_SCOPE_TOKEN, or its client's). */
  noScopePlaceholder: string;
  /** What the expired-token check carries instead of ENGAGE_EXPIRED_TOKEN. */
  expiredPlaceholder: string;
  /** What the forged-token check carries: a placeholder for each token forged from the run's current one, by what it is. */
  forgedPlaceholders(): Promise<Record<string, string>>;
  /** Why the target stopped answering, once it has: later requests are not sent to it. */
  down(): string | undefined;
  close(): Promise<void>;
}

export async function startTokenInjectingProxy(
  targetUrl: string,
  enterprises: readonly string[],
  getToken: () => Promise<string>,
  timeoutMilliseconds: number,
  options: {
    noScope?: () => Promise<string> | string | undefined;
    expired?: () => string | undefined;
    /** Whose requests carry the run's placeholder, as its failures name them. */
    requests?: string;
  } = {},
): Promise<TokenInjectingProxy> {
  const placeholder = `${PLACEHOLDER_PREFIX}-${randomUUID()}`;
  let downReason: string | undefined;
  const noScopePlaceholder = `${PLACEHOLDER_PREFIX}-no-scope-${randomUUID()}`;
  const expiredPlaceholder = `${PLACEHOLDER_PREFIX}-expired-${randomUUID()}`;
  const forgedPlaceholderOf = new Map<string, string>(
    Object.values(FORGERIES).map((forgery) => [forgery, `${PLACEHOLDER_PREFIX}-forged-${randomUUID()}`]),
  );
  /** The tokens forged from the run's current one, made as they are sent: the run's token may be renewed. */
  const forgeries = async () => forgedTokens(await getToken());
  /** Which forgeries the run's token has, each with its placeholder; one line when no token comes. */
  async function forgedPlaceholders(): Promise<Record<string, string>> {
    const forged = await forgeries().catch((error: Error) => {
      throw failureWithoutStack(`no token for the forged-token check: ${error.message}`);
    });
    return Object.fromEntries(
      Object.keys(forged).map((forgery) => [forgery, forgedPlaceholderOf.get(forgery) as string]),
    );
  }
  const forged = (forgery: string) => async () => {
    const token = (await forgeries())[forgery];
    if (token === undefined) throw new Error(`${forgery} is not made from a token of this kind`);
    return token;
  };
  /**
   * What a placeholder stands for: how its credential is had, and whose it is. The run's token failing
   * holds up every request; a check's own fails that check alone. None set: the check skips, unsent.
   */
  const placeholders = new Map<string, { credential: () => Promise<string> | string; of: string; ofTheRun: boolean }>([
    [`Bearer ${placeholder}`, { credential: getToken, of: options.requests ?? 'the e2e requests', ofTheRun: true }],
    [
      `Bearer ${noScopePlaceholder}`,
      { credential: () => options.noScope?.() ?? '', of: 'the 403 check', ofTheRun: false },
    ],
    [
      `Bearer ${expiredPlaceholder}`,
      { credential: () => options.expired?.() ?? '', of: 'the expired-token check', ofTheRun: false },
    ],
    ...[...forgedPlaceholderOf].map(
      ([forgery, forgedPlaceholder]) =>
        [
          `Bearer ${forgedPlaceholder}`,
          { credential: forged(forgery), of: 'the forged-token check', ofTheRun: false },
        ] as const,
    ),
  ]);
  const appointmentPrefixes = enterprises.map((enterprise) => appointmentPath(enterprise, ''));
  /** Token requests in a row that got no answer. */
  let tokenSilences = 0;

  function answerWithError(response: ServerResponse, status: number, reason: string) {
    response.writeHead(status, { [PROXY_ERROR_HEADER]: encodeURIComponent(reason) });
    response.end();
  }

  /**
   * The request's header lines as they are to go out, the token put in for a placeholder (noted in
   * `sent`, with its placeholder); or why not.
   */
  async function outgoingHeaders(
    request: IncomingMessage,
    sent: Array<[credential: string, placeholder: string]>,
  ): Promise<string[] | { status: number; reason: string }> {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const rawHeaders: string[] = [];
    for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
      const name = request.rawHeaders[index] as string;
      const value = request.rawHeaders[index + 1] as string;
      if (notForwarded.has(name.toLowerCase())) continue;
      const standIn = name.toLowerCase() === 'authorization' ? placeholders.get(value) : undefined;
      if (standIn === undefined) {
        rawHeaders.push(name, value);
        continue;
      }
      // Refused before any token is fetched: a POST or another path never gets one.
      if (!(method === 'GET' && appointmentPrefixes.some((prefix) => path.startsWith(prefix))))
        return {
          status: 403,
          reason: `the suite's forwarder adds a token only to GET ${appointmentPrefixes.join('… or ')}…, not ${method} ${path}`,
        };
      try {
        const token = await standIn.credential();
        rawHeaders.push(name, `Bearer ${token}`);
        sent.push([token, value.slice('Bearer '.length)]);
        if (standIn.ofTheRun) tokenSilences = 0;
      } catch (error) {
        const reason = `no token for ${standIn.of}: ${(error as Error).message}`;
        if (!standIn.ofTheRun) return { status: 502, reason };
        // A refusal (4xx but 429) holds for the rest of the run, and so does a token endpoint that did
        // not answer twice in a row: each later request would wait out its timeout. Said once.
        const status = error instanceof TokenRequestError ? error.status : undefined;
        if (status === undefined) tokenSilences++;
        if ((status !== undefined && status >= 400 && !tokenEndpointFailed(status)) || tokenSilences >= 2)
          downReason ??= reason;
        return { status: 502, reason };
      }
    }
    return rawHeaders;
  }

  async function forward(request: IncomingMessage, response: ServerResponse) {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    try {
      if (downReason !== undefined) return answerWithError(response, 502, downReason);
      const sent: Array<[string, string]> = [];
      const rawHeaders = await outgoingHeaders(request, sent);
      if (!Array.isArray(rawHeaders)) return answerWithError(response, rawHeaders.status, rawHeaders.reason);
      const answer = await sendExactRequest(method, `${targetUrl}${path}`, rawHeaders, timeoutMilliseconds);
      const answerHeaders: string[] = [];
      // Credentials too short to tell from other text are not looked for (a test's "test" token).
      const masking = sent.filter(([credential]) => credential.length >= MASKED_MIN_LENGTH);
      // Decoded, when an echoed credential had to be replaced in it: it goes on without its coding.
      const masked = maskedBody(answer.body, answer.headers['content-encoding'], masking);
      for (let index = 0; index + 1 < answer.rawHeaders.length; index += 2) {
        const name = answer.rawHeaders[index] as string;
        const lowerCase = name.toLowerCase();
        if (notForwarded.has(lowerCase) || lowerCase === 'content-length') continue;
        if (lowerCase === 'content-encoding' && masked !== undefined) continue;
        answerHeaders.push(name, maskedPieces(maskedText(answer.rawHeaders[index + 1] as string, masking), masking));
      }
      const body = masked ?? answer.body;
      response.writeHead(answer.status, [...answerHeaders, 'content-length', String(body.length)]);
      response.end(body);
    } catch (error) {
      const { code, message = String(error) } = error as NodeJS.ErrnoException;
      // No answer at all: the target is down for the rest of the run, and says so once.
      if (isNoAnswer(message) || code === 'ECONNREFUSED' || code === 'ENOTFOUND')
        downReason ??= describeNoAnswer(targetUrl, error, timeoutMilliseconds);
      if (response.headersSent) return response.destroy();
      answerWithError(response, 502, downReason ?? `the target ${targetUrl}: ${message}`);
    }
  }
  // forward answers every request itself; were its own error handling to throw, the socket closes.
  const server = createServer((request, response) => void forward(request, response).catch(() => response.destroy()));
  return {
    ...(await listenOnLoopback(server)),
    targetUrl,
    placeholder,
    noScopePlaceholder,
    expiredPlaceholder,
    forgedPlaceholders,
    down: () => downReason,
  };
}

/** The forms in which an answer may echo a credential: as sent, and URL-encoded. */
const formsOf = (credential: string) => new Set([credential, encodeURIComponent(credential)]);

/** `text` with each credential (in each of its forms) replaced by its placeholder. */
function maskedText(text: string, sent: Array<[credential: string, placeholder: string]>): string {
  let masked = text;
  for (const [credential, placeholder] of sent)
    for (const form of formsOf(credential)) masked = masked.replaceAll(form, placeholder);
  return masked;
}

/**
 * The body, decoded as its Content-Encoding says, with each credential replaced by its placeholder;
 * undefined when it holds none. A body cut short is read as far as it goes, as Playwright reads it,
 * and one that ends inside an echo has that end masked; one that cannot be decoded at all holds none
 * readable.
 */
function maskedBody(body: Buffer, encoding: string | undefined, sent: Array<[string, string]>): Buffer | undefined {
  if (sent.length === 0 || body.length === 0) return undefined;
  let text: string;
  try {
    text = decodedBody(body, encoding).toString('latin1');
  } catch {
    try {
      text = decodedBody(body, encoding, { lenient: true }).toString('latin1');
    } catch {
      return undefined;
    }
  }
  const masked = maskedPieces(maskedCutEnd(maskedText(text, sent), sent), sent);
  return masked === text ? undefined : Buffer.from(masked, 'latin1');
}

/**
 * `text` with what is left of each credential (a piece of SHORTEST_REDACTED characters or more,
 * echoed cut short or inside other text) replaced by [redacted]; the placeholders already in it are
 * left as they are.
 */
function maskedPieces(text: string, sent: Array<[credential: string, placeholder: string]>): string {
  if (sent.length === 0) return text;
  // The placeholders are letters, digits and dashes: safe in a pattern as they are.
  const placeholders = new RegExp(`(${sent.map(([, placeholder]) => placeholder).join('|')})`);
  return text
    .split(placeholders)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : sent.reduce((masked, [credential]) => [...formsOf(credential)].reduce(withoutPiecesOf, masked), part),
    )
    .join('');
}

/** `text` that ends in the beginning of a credential (cut short inside an echo) with that end masked. */
function maskedCutEnd(text: string, sent: Array<[credential: string, placeholder: string]>): string {
  // As short as the pieces withoutPiecesOf masks, and no shorter.
  for (const [credential, placeholder] of sent)
    for (const form of formsOf(credential))
      for (let length = form.length - 1; length >= SHORTEST_REDACTED; length--)
        if (text.endsWith(form.slice(0, length))) return `${text.slice(0, -length)}${placeholder}`;
  return text;
}
