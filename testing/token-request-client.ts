// The client a token request names, in an HTTP Basic header or in its form body (RFC 6749 §2.3.1),
// for the tests' stand-ins of a token endpoint.
import type { IncomingMessage } from 'node:http';
import { basicCredentials } from '../sandbox/token-endpoint.ts';

interface RequestClient {
  clientId: string;
  clientSecret: string;
  /** How the request carried them. */
  way: 'basic' | 'body';
}

/** The client of a token request whose form body is `body`; undefined when it names none, or names one both ways. */
export function tokenRequestClient(request: IncomingMessage, body: string): RequestClient | undefined {
  const form = new URLSearchParams(body);
  const { clientId, clientSecret } = basicCredentials(request.headers.authorization);
  const inBody = form.has('client_id') || form.has('client_secret');
  if (clientId !== undefined) return inBody ? undefined : { clientId, clientSecret: clientSecret ?? '', way: 'basic' };
  if (!inBody) return undefined;
  return { clientId: form.get('client_id') ?? '', clientSecret: form.get('client_secret') ?? '', way: 'body' };
}
