// Reads an http(s) base URL from a variable, or stops with one line naming it. A URL may not carry
// credentials (they would be printed wherever the URL is), nor a query or fragment, and its host must
// be the host it spells: `http://a.test\\b.test` or `http://0x7f.1` parse to another host than a
// reader sees, and a guard or a person would judge the wrong one. The result is the URL as parsed:
// host in lower-case ASCII (IDNA), which must be plain (config/plain-http-url.ts, the k6 settings' rule
// too) and which the production guard then compares.
import { domainToASCII } from 'node:url';
import { ConfigError } from './config-error.ts';
import { isPlainHttpUrl, mayHoldCredentials, PLAIN_HTTP_URL_RULE, shownUrl } from './plain-http-url.ts';

/** The host as the text writes it, in the form the URL parser gives: lower case, IDNA, no port. */
function spelledHost(raw: string): string {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(raw)?.[1] ?? '';
  const host = authority.replace(/:\d*$/, '').toLowerCase();
  // Only a non-ASCII name needs IDNA; domainToASCII would also parse away what makes the text odd.
  return /[^\p{ASCII}]/u.test(host) ? domainToASCII(host) || host : host;
}

export function readHttpUrl(
  variable: string,
  raw: string,
  example = 'https://api.development.pexipengage.com',
): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The parser's one refusal hides the common slip of a port out of range.
    const port = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@]*:(\d+)(?=[/?#]|$)/i.exec(raw)?.[1];
    if (port !== undefined && Number(port) > 65535)
      throw new ConfigError(variable, `${shownUrl(raw)} has the port ${port}, above the highest, 65535`);
    throw new ConfigError(variable, `${shownUrl(raw)} is not a URL (expected e.g. ${example})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(variable, `${shownUrl(raw)} must be an http(s) URL, not ${url.protocol}`);
  if (url.username !== '' || url.password !== '')
    throw new ConfigError(variable, 'must not carry credentials in the URL');
  if (url.search !== '' || url.hash !== '')
    // Shown without them: a query may hold a token.
    throw new ConfigError(
      variable,
      `must not have a query or fragment: give ${shownUrl(raw.split(/[?#]/)[0] as string)}, without what follows it`,
    );
  if (spelledHost(raw) !== url.hostname)
    throw new ConfigError(
      variable,
      // The host a parser reads may then be what was meant as credentials: neither is shown.
      mayHoldCredentials(raw)
        ? 'reaches another host than the one it spells: write the URL plainly'
        : `"${raw}" reaches the host "${url.hostname}", not the one it spells: write the URL plainly, with that host`,
    );
  const read = url.href.replace(/\/+$/, '');
  if (!isPlainHttpUrl(read)) throw new ConfigError(variable, `${shownUrl(read)} is not ${PLAIN_HTTP_URL_RULE}`);
  return read;
}
