// The HTTP side of the sandbox's token endpoint: reads an OAuth2 client-credentials request (form
// body, credentials in the body or as HTTP Basic) and answers as Keycloak would.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { JSON_ANSWER_TYPE } from './error-responses.ts';
import type { SandboxAuth, TokenRequest } from './sandbox-auth.ts';

const MAX_BODY_BYTES = 8 * 1024;

export function respondToTokenRequest(
  request: IncomingMessage,
  response: ServerResponse,
  auth: SandboxAuth,
  realm: string,
) {
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, {
      'content-type': JSON_ANSWER_TYPE,
      'cache-control': 'no-store',
      ...headers,
    });
    response.end(JSON.stringify(body));
  };
  if (request.method !== 'POST') {
    return reply(405, { error: 'invalid_request', error_description: 'use POST' }, { allow: 'POST' });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  request.on('error', () => response.destroy());
  request.on('end', () => {
    if (size > MAX_BODY_BYTES) return reply(400, { error: 'invalid_request', error_description: 'body too large' });
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const tokenRequest: TokenRequest = {
      grantType: form.get('grant_type') ?? undefined,
      clientId: form.get('client_id') ?? undefined,
      clientSecret: form.get('client_secret') ?? undefined,
      scope: form.get('scope') ?? undefined,
      ...basicCredentials(request.headers.authorization),
    };
    const grant = auth.grant(decodeOrKeep(realm), tokenRequest);
    reply(grant.ok ? 200 : grant.status, grant.body);
  });
}

/** The client id and secret of an HTTP Basic header, each form-decoded (RFC 6749 §2.3.1); none when it holds none. */
export function basicCredentials(authorization: string | undefined): Partial<TokenRequest> {
  const match = /^Basic ([A-Za-z0-9+/]+=*)$/i.exec(authorization ?? '');
  if (match === null) return {};
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return {};
  const formDecoded = (text: string) => decodeOrKeep(text.replaceAll('+', ' '));
  return {
    clientId: formDecoded(decoded.slice(0, separator)),
    clientSecret: formDecoded(decoded.slice(separator + 1)),
  };
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
