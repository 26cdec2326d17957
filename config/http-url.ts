// Reads an http(s) base URL from a variable, or stops with one line naming it. A URL may not carry
// credentials (they would be printed wherever the URL is), nor a query or fragment.
import { ConfigError } from './config-error.ts';

export function readHttpUrl(variable: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // A value with an "@" may hold credentials: it is not repeated back.
    const shown = raw.includes('@') ? 'the value' : `"${raw}"`;
    throw new ConfigError(variable, `${shown} is not a URL (expected e.g. https://api.development.pexipengage.com)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(variable, `must be an http(s) URL, not ${url.protocol}`);
  if (url.username !== '' || url.password !== '')
    throw new ConfigError(variable, 'must not carry credentials in the URL');
  if (url.search !== '' || url.hash !== '') throw new ConfigError(variable, 'must not have a query or fragment');
  return url.href.replace(/\/+$/, '');
}
