// Proves the one wording of the setting an answer points at: a GET appointment that did not answer
// 200, a refused TLS certificate, and a token request the endpoint refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  answerRemedy,
  certificateRemedy,
  describeAnswer,
  NO_SCOPE_CLIENT,
  oauthErrorOf,
  tokenRefusalSetting,
} from './answer-remedy.ts';

const described404 = (body: unknown) => describeAnswer('123', { status: 404 }, 'static-token', body);

describe('a GET appointment that did not answer 200', () => {
  const described = (status: number, credentials: 'static-token' | 'client-credentials' = 'static-token') =>
    describeAnswer('123', { status, error: 'dial: connection refused' }, credentials, { errors: [] });
  it('says what came, and nothing more for an answer that names no setting', () => {
    assert.equal(described(0), 'GET appointment 123 got no answer (dial: connection refused)');
    assert.equal(described(500), 'GET appointment 123 got HTTP 500');
  });
  it('names ENGAGE_BASE_URL for a redirect, with the base to set when it leads to the same appointment', () => {
    const from = 'http://api.example.test/enterprises/acme/appointments/123';
    const redirected = (status: number, location?: string) =>
      answerRemedy(status, 'static-token', false, { location, from });
    for (const status of [301, 302, 303, 307, 308])
      assert.equal(
        redirected(status, 'https://api.example.test/v1/enterprises/acme/appointments/123'),
        'a redirect, which the API does not answer with: set ENGAGE_BASE_URL to https://api.example.test/v1',
      );
    // Resolved against where it was sent, as clients do: a path, a scheme-relative URL, any case.
    for (const [location, base] of [
      ['/v1/enterprises/acme/appointments/123', 'http://api.example.test/v1'],
      ['//other.example.test/enterprises/acme/appointments/123', 'http://other.example.test'],
      ['HTTPS://API.example.test:443/enterprises/acme/appointments/123/', 'https://api.example.test'],
    ] as const)
      assert.equal(
        redirected(301, location.replace(/\/$/, '')),
        `a redirect, which the API does not answer with: set ENGAGE_BASE_URL to ${base}`,
        location,
      );
    assert.equal(redirected(301), 'a redirect, which the API does not answer with: check ENGAGE_BASE_URL');
    assert.equal(redirected(304, 'https://api.example.test/'), undefined, 'a 304 sends nowhere');
  });
  it('names the enterprise or id a redirect leads to instead, and the setting to check', () => {
    const from = 'https://api.example.test/v1/enterprises/acme/appointments/123';
    const redirected = (location: string) => answerRemedy(301, 'static-token', false, { location, from });
    assert.equal(
      redirected('/v1/enterprises/acme-eu/appointments/123'),
      'a redirect to enterprise "acme-eu", which the API does not answer with: check ENGAGE_ENTERPRISE',
    );
    assert.equal(
      redirected('https://eu.example.test/v1/enterprises/acme/appointments/A%2F7'),
      'a redirect to appointment "A/7" at https://eu.example.test/v1, which the API does not answer with: set ENGAGE_BASE_URL to https://eu.example.test/v1 and check the appointment id',
    );
    assert.equal(
      redirected('/v2/enterprises/other/appointments/9'),
      'a redirect to enterprise "other", appointment "9" at https://api.example.test/v2, which the API does not answer with: set ENGAGE_BASE_URL to https://api.example.test/v2 and check ENGAGE_ENTERPRISE and the appointment id',
    );
    // The same URL however written (encoding, host case, default port, a query) is no other base to set.
    for (const location of [
      '/v1/enterprises/%61cme/appointments/123',
      'https://API.example.test:443/v1/enterprises/acme/appointments/123?session=1',
    ])
      assert.equal(
        redirected(location),
        'a redirect to the same URL, which the API does not answer with (a gateway asking for a cookie or a login?): check ENGAGE_BASE_URL and the credentials',
        location,
      );
    // A Location relative to the path (RFC 3986 §5.2), as token redirects are resolved: here, another id.
    assert.equal(
      redirected('124'),
      'a redirect to appointment "124", which the API does not answer with: check the appointment id',
    );
    // A long or broken segment is cut short, as it came.
    assert.equal(
      redirected(`/v1/enterprises/acme/appointments/%E0${'x'.repeat(60)}`),
      `a redirect to appointment "%E0${'x'.repeat(36)}…", which the API does not answer with: check the appointment id`,
    );
  });
  it('shows no user info, session or login state a Location carries', () => {
    const from = 'https://api.example.test/enterprises/acme/appointments/123';
    assert.equal(
      answerRemedy(302, 'static-token', false, {
        location: 'https://login.example.test/auth/s3ss10n?state=s3cr3t&redirect_uri=x',
        from,
      }),
      'a redirect to https://login.example.test, not to the appointment (a login page?): check ENGAGE_BASE_URL and the credentials',
    );
    const moved = answerRemedy(301, 'static-token', false, {
      location: 'https://user:pw@api2.example.test/v1;jsessionid=ABC/enterprises/acme/appointments/123',
      from,
    });
    assert.doesNotMatch(moved ?? '', /user|pw|jsessionid|ABC/);
    assert.match(
      describeAnswer(
        '123',
        { status: 301, location: '/v2/enterprises/acme/appointments/123', url: from },
        'static-token',
        null,
      ),
      /^GET appointment 123 got HTTP 301; a redirect, .*set ENGAGE_BASE_URL to https:\/\/api\.example\.test\/v2$/,
    );
  });
  it('names the setting a 401, 403 or 404 points at, for each kind of credentials', () => {
    assert.equal(described(401), 'GET appointment 123 got HTTP 401; the token was refused: check ENGAGE_TOKEN');
    assert.equal(
      described(401, 'client-credentials'),
      'GET appointment 123 got HTTP 401; the issued token was refused: check that ENGAGE_TOKEN_URL is the token endpoint for this API',
    );
    assert.equal(
      described(403),
      'GET appointment 123 got HTTP 403; the token lacks the appointments scope: ENGAGE_TOKEN needs the scope engage:appointments:readOnly or engage:appointments:readWrite',
    );
    assert.equal(
      described(403, 'client-credentials'),
      "GET appointment 123 got HTTP 403; the token lacks the appointments scope: set ENGAGE_SCOPE, or grant the client's roles",
    );
    assert.equal(
      described(404),
      'GET appointment 123 got HTTP 404; no such appointment: check the id and ENGAGE_ENTERPRISE',
    );
    // The body tells an unknown id (the API's errors envelope) from a wrong URL (anything else).
    assert.match(described404({ errors: [] }), /no such appointment: check the id and ENGAGE_ENTERPRISE$/);
    assert.match(
      described404({ message: 'Not Found' }),
      /; a 404 without the API's errors body.*check ENGAGE_BASE_URL$/,
    );
    assert.match(described404(null), /check ENGAGE_BASE_URL$/);
    assert.equal(
      answerRemedy(404, 'static-token', false),
      "a 404 without the API's errors body, so not the appointments API: check ENGAGE_BASE_URL",
    );
  });
});

describe('a token request the endpoint refused', () => {
  it('points at ENGAGE_SCOPE for invalid_scope, ENGAGE_TOKEN_URL where no OAuth endpoint answered or it failed, else the client', () => {
    assert.equal(tokenRefusalSetting(400, 'invalid_scope'), 'ENGAGE_SCOPE');
    assert.equal(tokenRefusalSetting(404, undefined), 'ENGAGE_TOKEN_URL');
    assert.equal(tokenRefusalSetting(405, undefined), 'ENGAGE_TOKEN_URL');
    // Keycloak's answer for a realm that does not exist (the .env.example placeholder left in the URL).
    assert.equal(tokenRefusalSetting(404, 'Realm does not exist'), 'ENGAGE_TOKEN_URL');
    assert.equal(tokenRefusalSetting(503, undefined), 'ENGAGE_TOKEN_URL', 'its own failure, not the client');
    assert.equal(tokenRefusalSetting(429, undefined), 'ENGAGE_TOKEN_URL');
    assert.equal(tokenRefusalSetting(401, 'invalid_client'), 'ENGAGE_CLIENT_ID or ENGAGE_CLIENT_SECRET');
    assert.equal(
      tokenRefusalSetting(401, 'invalid_client', NO_SCOPE_CLIENT),
      'ENGAGE_NO_SCOPE_CLIENT_ID or ENGAGE_NO_SCOPE_CLIENT_SECRET',
    );
    assert.equal(
      tokenRefusalSetting(400, 'invalid_scope', NO_SCOPE_CLIENT),
      'ENGAGE_NO_SCOPE_CLIENT_ID or ENGAGE_NO_SCOPE_CLIENT_SECRET',
    );
    assert.equal(tokenRefusalSetting(400, undefined), 'ENGAGE_CLIENT_ID or ENGAGE_CLIENT_SECRET');
  });
  it("says a 403 without the API's errors body came from in front of the API, a firewall or a gateway", () => {
    assert.equal(
      describeAnswer('123', { status: 403 }, 'client-credentials', null),
      "GET appointment 123 got HTTP 403; a 403 without the API's errors body, so from in front of the API (a firewall, or a gateway that checks scopes): check its rules; set ENGAGE_SCOPE, or grant the client's roles",
    );
  });
  it('repeats an OAuth error code only when it is a registered one, never free text that may hold the secret', () => {
    assert.equal(oauthErrorOf({ error: 'invalid_client' }), 'invalid_client');
    assert.equal(oauthErrorOf({ error: 'invalid_scope' }), 'invalid_scope');
    assert.equal(oauthErrorOf({ error: 'invalid_client: bad secret s3cr+t/x' }), undefined);
    assert.equal(oauthErrorOf({ error: 'Realm does not exist' }), undefined);
    assert.equal(oauthErrorOf({ error: 'bad\u001b[31m' }), undefined);
    assert.equal(oauthErrorOf({ error: 'say "hi"' }), undefined);
    assert.equal(oauthErrorOf({ error: 'x'.repeat(65) }), undefined);
    assert.equal(oauthErrorOf({ error: 42 }), undefined);
    assert.equal(oauthErrorOf(undefined), undefined);
  });
});

describe('a TLS certificate refused', () => {
  it("names NODE_EXTRA_CA_CERTS and SSL_CERT_FILE for an untrusted one, from Node's codes and k6's words", () => {
    for (const error of [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'x509: unknown authority',
      'tls: failed to verify certificate: x509: certificate signed by unknown authority',
    ])
      assert.match(certificateRemedy(error) ?? '', /not trusted here .*NODE_EXTRA_CA_CERTS.*SSL_CERT_FILE/, error);
  });
  it('says a CA file that is not a file was never read, instead of asking to add the CA to it', () => {
    assert.equal(
      certificateRemedy('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'target', {
        variable: 'NODE_EXTRA_CA_CERTS',
        file: '/typo.pem',
        isFile: false,
      }),
      "the target's certificate is not trusted here, and NODE_EXTRA_CA_CERTS is /typo.pem, which is not a file, so no CA was read from it: set it to the CA's PEM file",
    );
  });
  it('tells an expired certificate and one for another host apart, and says nothing of other failures', () => {
    assert.match(certificateRemedy('CERT_HAS_EXPIRED') ?? '', /has expired or is not valid yet/);
    assert.match(certificateRemedy('x509: certificate has expired or is not yet valid: …') ?? '', /has expired/);
    assert.match(
      certificateRemedy('ERR_TLS_CERT_ALTNAME_INVALID') ?? '',
      /another host: check the host in ENGAGE_BASE_URL$/,
    );
    // k6's own words for Go's hostname error.
    assert.match(certificateRemedy("x509: certificate doesn't match hostname") ?? '', /another host/);
    assert.match(
      certificateRemedy('ERR_TLS_CERT_ALTNAME_INVALID', 'token endpoint') ?? '',
      /^the token endpoint's certificate is for another host: check the host in ENGAGE_TOKEN_URL$/,
    );
    for (const error of ['ECONNREFUSED', 'dial: connection refused', 'request timeout', ''])
      assert.equal(certificateRemedy(error), undefined, error);
  });
  it('names the CA file the process was given when there is one: that file is what to look at', () => {
    assert.equal(
      certificateRemedy('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'target', {
        variable: 'NODE_EXTRA_CA_CERTS',
        file: '/ca.pem',
      }),
      "the target's certificate is not trusted here, though NODE_EXTRA_CA_CERTS is /ca.pem: add the CA that signed it to that file, unless the server leaves out its intermediate certificate",
    );
    assert.match(
      certificateRemedy('x509: unknown authority', 'target', { variable: 'SSL_CERT_FILE', file: '/b.pem' }) ?? '',
      /though SSL_CERT_FILE is \/b\.pem: add the CA that signed it to that file \(k6 reads it on Linux only\)/,
    );
    assert.match(
      certificateRemedy('x509: unknown authority', 'target', { variable: 'SSL_CERT_FILE', file: '' }) ?? '',
      /set NODE_EXTRA_CA_CERTS/,
      'a blank variable gave nothing',
    );
  });
  it("is what k6's setup() says of a GET that got no answer for it", () => {
    assert.match(
      describeAnswer('123', { status: 0, error: 'x509: unknown authority' }, 'static-token', null),
      /^GET appointment 123 got no answer \(x509: unknown authority\); the target's certificate is not trusted here /,
    );
  });
});
