// Small helpers for the suite's own tests that talk HTTP to a sandbox or a faulty server.

export interface FetchedResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** A GET with the sandbox's static token unless the headers say otherwise; the body read as JSON when it is. */
export async function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<FetchedResponse> {
  const response = await fetch(url, { method, headers: { authorization: 'Bearer sandbox-token', ...headers } });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
