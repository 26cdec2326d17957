// Gets a client-credentials token from a running sandbox's token endpoint: a real, unique token that
// a test can then look for in every output.

export async function issueSandboxToken(
  sandboxUrl: string,
  realm = 'acme',
  clientId = 'sandbox-client',
): Promise<string> {
  const response = await fetch(`${sandboxUrl}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: 'sandbox-client-secret',
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (body.access_token === undefined)
    throw new Error(`the sandbox at ${sandboxUrl} issued no token (HTTP ${response.status})`);
  return body.access_token;
}
