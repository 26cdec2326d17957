// One GET of the endpoint as the checks see it: status, lower-case headers, body, and duration. The
// Authorization header is added here; in Playwright the token is only a placeholder that the
// token-injecting proxy replaces, so no error or trace of the request can hold the real one.

export interface ProbeResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  durationMilliseconds: number;
}

/** A header set to null is left out: that is how a check sends no Authorization at all. */
export type ProbeHeaders = Record<string, string | null>;

export type Probe = (path: string, headers?: ProbeHeaders) => Promise<ProbeResponse>;

/** What a probe sends with: the path prefix, and the token, fetched per call so that it stays fresh. */
export interface ProbeTarget {
  baseUrl: string;
  enterprise: string;
  getToken: () => Promise<string>;
}

export type RawGet = (
  url: string,
  headers: Record<string, string>,
) => Promise<{ status: number; headers: Record<string, string>; text: string }>;

export function appointmentPath(enterprise: string, id: string): string {
  return `/enterprises/${encodeURIComponent(enterprise)}/appointments/${encodeURIComponent(id)}`;
}

export function createProbe(target: ProbeTarget, rawGet: RawGet): Probe {
  return async (path, headers = {}) => {
    const token = await target.getToken();
    const sent: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    for (const [name, value] of Object.entries(headers)) {
      if (value === null) delete sent[name.toLowerCase()];
      else sent[name.toLowerCase()] = value;
    }
    const started = performance.now();
    try {
      const response = await rawGet(`${target.baseUrl}${path}`, sent);
      let json: unknown;
      try {
        json = JSON.parse(response.text);
      } catch {
        json = undefined;
      }
      return { ...response, json, durationMilliseconds: performance.now() - started };
    } catch (error) {
      throw new Error(`GET ${target.baseUrl}${path} failed: ${(error as Error).message}`);
    }
  };
}
