// One request to the endpoint as the checks see it (a GET unless a check asks for another method):
// status, lower-case headers, body, and duration. The
// Authorization header is added here; in Playwright the token is only a placeholder that the
// token-injecting proxy replaces, so no error or trace of the request can hold the real one.

import { backoffSeconds, retryAfterSeconds, SUITE_USER_AGENT } from '../config/api-facts.ts';
import type { HeaderValue, RawRequest } from '../config/exact-request.ts';
import { failureWithoutStack } from '../config/failure-without-stack.ts';
import type { RateLimitWaits } from './rate-limit-waits.ts';

export interface ProbeResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  /** The body's bytes were not UTF-8. */
  notUtf8?: true;
  durationMilliseconds: number;
}

/** A header set to null is left out: that is how a check sends no Authorization at all. */
export type ProbeHeaders = Record<string, HeaderValue | null>;

export type Probe = (path: string, headers?: ProbeHeaders, method?: string) => Promise<ProbeResponse>;

/** What a probe sends with: the base URL, and the token, fetched per call so that it stays fresh. */
export interface ProbeTarget {
  baseUrl: string;
  /** The base URL a failure names, when requests go through a forwarder to it. */
  shownBaseUrl?: string;
  getToken: () => Promise<string>;
}

export function createProbe(target: ProbeTarget, rawRequest: RawRequest): Probe {
  return async (path, headers = {}, method = 'GET') => {
    const token = await target.getToken();
    const sent: Record<string, HeaderValue> = {
      accept: 'application/json',
      authorization: `Bearer ${token}`,
      'user-agent': SUITE_USER_AGENT,
    };
    for (const [name, value] of Object.entries(headers)) {
      if (value === null) delete sent[name.toLowerCase()];
      else sent[name.toLowerCase()] = value;
    }
    const started = performance.now();
    try {
      const response = await rawRequest(method, `${target.baseUrl}${path}`, sent);
      let json: unknown;
      try {
        json = JSON.parse(response.text);
      } catch {
        json = undefined;
      }
      return { ...response, json, durationMilliseconds: performance.now() - started };
    } catch (error) {
      const message = `${method} ${target.shownBaseUrl ?? target.baseUrl}${path} failed: ${(error as Error).message}`;
      // A failure said in one line stays one line; any other keeps its stack, which says where it came from.
      if (!(error as Error).stack?.includes('\n')) throw failureWithoutStack(message);
      throw new Error(message, { cause: error });
    }
  };
}

/**
 * The most one probe (a test's, or an appointment's first GET) waits for 429s in all: the window of
 * the documented per-minute limit, which a lower limit of the endpoint's own may ask a check to wait
 * out; a test and a first GET together stay within Playwright's timeout.
 */
const PROBE_WAIT_SECONDS = 60;

/**
 * The probe, backing off and sending again when the target answers 429, as the docs ask of clients:
 * a real environment's limit may be lower than the documented one, and a 429 says nothing of the
 * rule a check is about. The last answer counts, with its own duration; a 429 whose wait (a
 * Retry-After's included) would pass the probe's PROBE_WAIT_SECONDS, or what the run has left
 * (`run`), stays a 429 at once: it is never sent again sooner than the server asked. The rate-limit
 * check alone sends without it.
 */
export function backingOffOnRateLimit(
  probe: Probe,
  run: RateLimitWaits,
  wait = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000)),
): Probe {
  let waited = 0;
  return async (path, headers, method) => {
    for (let retry = 1; ; retry++) {
      const response = await probe(path, headers, method);
      if (response.status !== 429) return response;
      const asked = retryAfterSeconds(response.headers['retry-after'], Date.now());
      const pause = backoffSeconds(retry, asked);
      // A Retry-After past the ceiling backoffSeconds keeps to is a wait the suite will not make.
      if (asked > pause || waited + pause > PROBE_WAIT_SECONDS || !run.take(pause)) return response;
      waited += pause;
      await wait(pause);
    }
  };
}
