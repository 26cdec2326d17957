// What the suite sends requests to: a plain http(s) URL, with an ASCII host (punycode for others), an
// optional port and path, and nothing else. Node reads a URL into this form (config/http-url.ts); a
// bare k6 run, which cannot parse like Node, must be given it as such. No Node imports.

// Underscores appear in container and compose host names; an @ is allowed in the path only.
const PLAIN_HTTP_URL = /^https?:\/\/([a-z0-9_-]+(\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])(:\d{1,5})?(\/[^\s\\?#]*)?$/i;

export const PLAIN_HTTP_URL_RULE =
  'a plain http(s) URL (an ASCII host, an optional port and path; no user info, query or backslash)';

export function isPlainHttpUrl(url: string): boolean {
  return PLAIN_HTTP_URL.test(url);
}

/**
 * Whether a URL's text may carry credentials: any "@" may be read as the end of user info, and a
 * query or fragment may hold a token (`?access_token=…`, `#client_secret=…`).
 */
export function mayHoldCredentials(url: string): boolean {
  return /[@?#]/.test(url);
}

/** A URL as an error message may show it: one that may carry credentials is not repeated. */
export function shownUrl(url: string): string {
  return mayHoldCredentials(url) ? 'the value' : `"${url}"`;
}
