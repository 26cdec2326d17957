// A token endpoint that takes a client's credentials one way only (RFC 6749 §2.3.1): in an HTTP Basic
// header, as every server must, or in the form body, as some insist on. It records how each came.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClientAuthentication } from '../config/token-request.ts';
import { tokenRequestClient } from './token-request-client.ts';

export interface OneWayTokenEndpoint {
  /** Answers a token request: its grant when the credentials came the endpoint's way, else 401 invalid_client. */
  answer(request: IncomingMessage, response: ServerResponse): void;
  /** How each request carried the credentials (both ways, or neither, as 'none'). */
  ways: Array<ClientAuthentication | 'none'>;
  /** The way it takes, which a test may change, as an endpoint reconfigured mid-run. */
  way: ClientAuthentication;
}

export function oneWayTokenEndpoint(
  way: ClientAuthentication,
  client: { clientId: string; clientSecret: string },
  grant: Record<string, unknown> = { access_token: 'one-way-token', token_type: 'Bearer', expires_in: 60 },
): OneWayTokenEndpoint {
  const ways: OneWayTokenEndpoint['ways'] = [];
  const endpoint: OneWayTokenEndpoint = {
    ways,
    way,
    answer(request, response) {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => {
        body += chunk;
      });
      request.on('end', () => {
        const named = tokenRequestClient(request, body);
        ways.push(named?.way ?? 'none');
        const taken =
          named?.way === endpoint.way &&
          named.clientId === client.clientId &&
          named.clientSecret === client.clientSecret &&
          new URLSearchParams(body).get('grant_type') === 'client_credentials';
        response.writeHead(taken ? 200 : 401, { 'content-type': 'application/json' });
        response.end(JSON.stringify(taken ? grant : { error: 'invalid_client' }));
      });
    },
  };
  return endpoint;
}
