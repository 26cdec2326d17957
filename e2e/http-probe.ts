// One request to the endpoint as the checks see it (a GET unless a check asks for another method):
// status, lower-case headers, body, and duration. The
// Authorization header is added here; in Playwright the token is only a placeholder that the
// token-injecting proxy replaces, so no error or trace of the request can hold the real one.

import type { HeaderValue, RawRequest } from '../config/exact-request.ts';

export interface ProbeResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  durationMilliseconds: number;
}

/** A header set to null is left out: that is how a check sends no Authorization at all. */
export type ProbeHeaders = Record<string, HeaderValue | null>;

export type Probe = (path: string, headers?: ProbeHeaders, method?: string) => Promise<ProbeResponse>;

/** What a probe sends with: the path prefix, and the token, fetched per call so that it stays fresh. */
export interface ProbeTarget {
  baseUrl: string;
  enterprise: string;
  getToken: () => Promise<string>;
}

export function createProbe(target: ProbeTarget, rawRequest: RawRequest): Probe {
  return async (path, headers = {}, method = 'GET') => {
    const token = await target.getToken();
    const sent: Record<string, HeaderValue> = { accept: 'application/json', authorization: `Bearer ${token}` };
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
      throw new Error(`${method} ${target.baseUrl}${path} failed: ${(error as Error).message}`);
    }
  };
}
