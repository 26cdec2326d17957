// Gets a client-credentials token from a running sandbox's token endpoint: a real, unique token that
// a test can then look for in every output.
import { SANDBOX_DEFAULTS } from '../config/api-facts.ts';
import type { SandboxClient } from '../sandbox/sandbox-auth.ts';

export async function issueSandboxToken(
  sandboxUrl: string,
  realm: string = SANDBOX_DEFAULTS.enterprise,
  client: Pick<SandboxClient, 'clientId' | 'clientSecret'> = SANDBOX_DEFAULTS.clients[0],
): Promise<string> {
  const response = await fetch(`${sandboxUrl}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (body.access_token === undefined)
    throw new Error(`the sandbox at ${sandboxUrl} issued no token (HTTP ${response.status})`);
  return body.access_token;
}
