// Gets a client-credentials token from a running sandbox's token endpoint: a real, unique token that
// a test can then look for in every output.
import { SANDBOX_DEFAULTS } from '../config/api-facts.ts';

type SandboxClientId = (typeof SANDBOX_DEFAULTS.clients)[number]['clientId'];

export async function issueSandboxToken(
  sandboxUrl: string,
  realm: string = SANDBOX_DEFAULTS.enterprise,
  clientId: SandboxClientId = SANDBOX_DEFAULTS.clients[0].clientId,
): Promise<string> {
  const client = SANDBOX_DEFAULTS.clients.find((known) => known.clientId === clientId);
  const response = await fetch(`${sandboxUrl}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: client?.clientSecret ?? '',
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (body.access_token === undefined)
    throw new Error(`the sandbox at ${sandboxUrl} issued no token (HTTP ${response.status})`);
  return body.access_token;
}
