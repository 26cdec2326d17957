// Proves the config layer: sandbox defaults with no variables, one clear error per bad or missing
// variable (naming it), and secrets that never print.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { NO_SCOPE_CLIENT } from './answer-remedy.ts';
import { ConfigError } from './config-error.ts';
import { OPTIONAL_EXPECTATIONS } from './optional-expectations.ts';
import { readSuiteConfig } from './suite-config.ts';

const remote = {
  ENGAGE_BASE_URL: 'https://api.development.pexipengage.com/',
  ENGAGE_ENTERPRISE: 'globex',
  ENGAGE_TOKEN: 'token-under-test',
  ENGAGE_APPOINTMENT_ID: 'abc',
};
/** The same target, reached with client credentials instead of the token. */
const { ENGAGE_TOKEN: _remoteToken, ...remoteWithoutToken } = remote;
const withClient = {
  ...remoteWithoutToken,
  ENGAGE_TOKEN_URL: 'https://auth.development.pexipengage.com/realms/globex/protocol/openid-connect/token',
  ENGAGE_CLIENT_ID: 'suite',
  ENGAGE_CLIENT_SECRET: 'suite-secret-under-test',
};

function configError(environment: Record<string, string>): ConfigError {
  try {
    readSuiteConfig(environment);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${error}`);
    return error;
  }
  assert.fail('the configuration was accepted');
}

describe('with no variables', () => {
  const config = readSuiteConfig({});
  it('targets the sandbox with its seed', () => {
    assert.deepEqual(config.target, { kind: 'sandbox' });
    assert.equal(config.enterprise, 'acme');
    assert.equal(config.appointmentId, '123');
    assert.equal(config.appointmentIds[0], '123');
    assert.ok(config.appointmentIds.length > 1);
    assert.equal(config.defaultLanguage, 'en');
    assert.equal(config.auth.kind === 'static-token' && config.auth.token.reveal(), 'sandbox-token');
  });
  it('expects every optional behaviour of the sandbox', () => {
    assert.deepEqual([...config.expectations].sort(), [
      'content-language',
      'correlation-echo',
      'malformed-headers',
      'rate-limit',
      'region-fallback',
      'status-code',
    ]);
  });
  it('invents a missing id that differs per run', () => {
    assert.match(config.missingAppointmentId, /^missing-[0-9a-f-]{36}$/);
    assert.notEqual(config.missingAppointmentId, readSuiteConfig({}).missingAppointmentId);
    assert.equal(config.missingAppointmentIdChosen, false);
  });
});

describe('against a remote target', () => {
  it('reads every variable and expects nothing optional', () => {
    const config = readSuiteConfig({ ...remote, ENGAGE_MISSING_APPOINTMENT_ID: 'gone', ENGAGE_DEFAULT_LANGUAGE: 'nl' });
    assert.deepEqual(config.target, { kind: 'remote', baseUrl: 'https://api.development.pexipengage.com' });
    assert.equal(config.enterprise, 'globex');
    assert.equal(config.missingAppointmentId, 'gone');
    assert.equal(config.missingAppointmentIdChosen, true);
    assert.deepEqual(config.appointmentIds, ['abc']);
    assert.deepEqual(readSuiteConfig({ ...remote, ENGAGE_APPOINTMENT_IDS: 'x, abc,y' }).appointmentIds, [
      'abc',
      'x',
      'y',
    ]);
    assert.equal(config.defaultLanguage, 'nl');
    assert.equal(config.expectations.size, 0);
    assert.equal(config.noScopeAuth, undefined);
  });
  it("takes the 403 check's own client, from the suite's token endpoint, asking for no scope", () => {
    const config = readSuiteConfig({
      ...remote,
      ENGAGE_TOKEN: '',
      ENGAGE_TOKEN_URL: 'https://auth.example/token',
      ENGAGE_CLIENT_ID: 'suite-client',
      ENGAGE_CLIENT_SECRET: 'suite-secret',
      ENGAGE_SCOPE: 'appointments:read',
      ENGAGE_NO_SCOPE_CLIENT_ID: 'no-scope-client',
      ENGAGE_NO_SCOPE_CLIENT_SECRET: 'its-secret',
    });
    assert.deepEqual(
      config.noScopeAuth?.kind === 'client-credentials' && {
        ...config.noScopeAuth,
        clientSecret: config.noScopeAuth.clientSecret.reveal(),
      },
      {
        kind: 'client-credentials',
        tokenUrl: 'https://auth.example/token',
        clientId: 'no-scope-client',
        clientSecret: 'its-secret',
        settings: NO_SCOPE_CLIENT,
      },
    );
  });
  it('takes the optional expectations it is given', () => {
    const config = readSuiteConfig({ ...remote, ENGAGE_EXPECT: 'correlation-echo, rate-limit' });
    assert.deepEqual([...config.expectations], ['correlation-echo', 'rate-limit']);
    assert.equal(readSuiteConfig({ ENGAGE_EXPECT: 'none' }).expectations.size, 0);
    // Blank is unset, as for every setting (a CI variable left empty): the sandbox expects them all.
    assert.equal(readSuiteConfig({ ENGAGE_EXPECT: ' ' }).expectations.size, OPTIONAL_EXPECTATIONS.length);
  });
  it('takes client credentials instead of a token', () => {
    const config = readSuiteConfig({ ...withClient, ENGAGE_SCOPE: 'engage:appointments:readOnly' });
    assert.equal(config.auth.kind, 'client-credentials');
    assert.equal(config.auth.kind === 'client-credentials' && config.auth.scope, 'engage:appointments:readOnly');
  });
});

describe('a bad configuration names the variable', () => {
  const { ENGAGE_TOKEN: _token, ...withoutToken } = remote;
  const cases: Array<[string, Record<string, string>, string, RegExp]> = [
    ['a base URL that is not a URL', { ...remote, ENGAGE_BASE_URL: 'api.example' }, 'ENGAGE_BASE_URL', /is not a URL/],
    [
      'a base URL with a port out of range',
      { ...remote, ENGAGE_BASE_URL: 'http://127.0.0.1:99999' },
      'ENGAGE_BASE_URL',
      /^ENGAGE_BASE_URL "http:\/\/127\.0\.0\.1:99999" has the port 99999, above the highest, 65535$/,
    ],
    [
      'a base URL that holds the appointments path the suite adds',
      { ...remote, ENGAGE_BASE_URL: 'https://api.example/engage/enterprises/acme/appointments/' },
      'ENGAGE_BASE_URL',
      /^ENGAGE_BASE_URL ends in \/enterprises\/acme\/appointments, a path the suite adds to it: set the API's base URL, https:\/\/api\.example\/engage$/,
    ],
    [
      'a base URL that holds the appointments path in another case, which a gateway may route alike',
      { ...remote, ENGAGE_BASE_URL: 'https://api.example/Enterprises/acme/appointments' },
      'ENGAGE_BASE_URL',
      /^ENGAGE_BASE_URL ends in \/Enterprises\/acme\/appointments, a path the suite adds to it/,
    ],
    [
      'a base URL that is not http, quoted',
      { ...remote, ENGAGE_BASE_URL: 'ftp://api.example' },
      'ENGAGE_BASE_URL',
      /^ENGAGE_BASE_URL "ftp:\/\/api\.example" must be an http\(s\) URL, not ftp:$/,
    ],
    [
      'a base URL with credentials',
      { ...remote, ENGAGE_BASE_URL: 'https://user:token-under-test@api.example' },
      'ENGAGE_BASE_URL',
      /must not carry credentials/,
    ],
    [
      'a base URL with credentials that does not parse',
      { ...remote, ENGAGE_BASE_URL: 'https://user:token-under-test@ api' },
      'ENGAGE_BASE_URL',
      /^ENGAGE_BASE_URL the value is not a URL/,
    ],
    ['a base URL with a query', { ...remote, ENGAGE_BASE_URL: 'https://api.example?x=1' }, 'ENGAGE_BASE_URL', /query/],
    [
      'a missing enterprise',
      { ...remote, ENGAGE_ENTERPRISE: '' },
      'ENGAGE_ENTERPRISE',
      /required when ENGAGE_BASE_URL is set/,
    ],
    [
      'an enterprise with a slash',
      { ...remote, ENGAGE_ENTERPRISE: 'a/b' },
      'ENGAGE_ENTERPRISE',
      /^ENGAGE_ENTERPRISE is "a\/b", which is not a single URL path segment/,
    ],
    ['a missing appointment id', { ...remote, ENGAGE_APPOINTMENT_ID: ' ' }, 'ENGAGE_APPOINTMENT_ID', /required/],
    ['no credentials at all', withoutToken, 'ENGAGE_TOKEN', /required when ENGAGE_BASE_URL is set/],
    [
      'a token and client credentials',
      { ...remote, ENGAGE_CLIENT_ID: 'x' },
      'ENGAGE_TOKEN',
      /are both set: use one or the other/,
    ],
    [
      'a token wrapped over two lines (a multi-line .env value)',
      { ...remote, ENGAGE_TOKEN: 'eyJhbGciOiJub25lIn0\n.eyJzdWIiOiJ4In0.sig' },
      'ENGAGE_TOKEN',
      /holds whitespace or a control character .*: a token is one line$/,
    ],
    [
      'client credentials with a base URL left blank, which would send the run to the embedded sandbox',
      {
        ENGAGE_BASE_URL: ' ',
        ENGAGE_TOKEN_URL: 'https://auth.example/token',
        ENGAGE_CLIENT_ID: 'x',
        ENGAGE_CLIENT_SECRET: 'y',
      },
      'ENGAGE_BASE_URL',
      /^ENGAGE_BASE_URL is unset or blank, which tests the embedded sandbox, but ENGAGE_TOKEN_URL, ENGAGE_CLIENT_ID, ENGAGE_CLIENT_SECRET are set, which only a real target takes: set ENGAGE_BASE_URL to the API, or unset them$/,
    ],
    [
      'a scope with no base URL: one setting, named alone',
      { ENGAGE_SCOPE: 'engage:appointments:readOnly' },
      'ENGAGE_BASE_URL',
      /but ENGAGE_SCOPE is set, which only a real target takes: set ENGAGE_BASE_URL to the API, or unset it$/,
    ],
    [
      'a token given with its "Bearer " scheme, as copied from a header',
      { ...remote, ENGAGE_TOKEN: 'Bearer eyJhbGciOiJub25lIn0.e30.sig' },
      'ENGAGE_TOKEN',
      /starts with "Bearer ": give the token alone, which the suite sends as "Bearer <token>"$/,
    ],
    [
      'a no-scope token with a space in it',
      { ...remote, ENGAGE_NO_SCOPE_TOKEN: 'no-scope token' },
      'ENGAGE_NO_SCOPE_TOKEN',
      /holds whitespace or a control character/,
    ],
    [
      'a no-scope token and a no-scope client',
      { ...remote, ENGAGE_NO_SCOPE_TOKEN: 't', ENGAGE_NO_SCOPE_CLIENT_ID: 'x' },
      'ENGAGE_NO_SCOPE_TOKEN',
      /and ENGAGE_NO_SCOPE_CLIENT_ID are both set: use a static token or a client for the 403 check, not both$/,
    ],
    [
      'a no-scope client beside a static token, which has no token endpoint to ask',
      { ...remote, ENGAGE_NO_SCOPE_CLIENT_ID: 'x', ENGAGE_NO_SCOPE_CLIENT_SECRET: 'y' },
      'ENGAGE_NO_SCOPE_CLIENT_ID',
      /needs the suite to use client credentials too .*: with a static ENGAGE_TOKEN, give ENGAGE_NO_SCOPE_TOKEN instead$/,
    ],
    [
      'a no-scope client without its secret',
      {
        ...withoutToken,
        ENGAGE_TOKEN_URL: 'https://auth.example/token',
        ENGAGE_CLIENT_ID: 'x',
        ENGAGE_CLIENT_SECRET: 'y',
        ENGAGE_NO_SCOPE_CLIENT_ID: 'z',
      },
      'ENGAGE_NO_SCOPE_CLIENT_SECRET',
      /is required with ENGAGE_NO_SCOPE_CLIENT_ID: the 403 check's client needs both$/,
    ],
    [
      'incomplete client credentials',
      { ...withoutToken, ENGAGE_TOKEN_URL: 'https://auth.example/token', ENGAGE_CLIENT_ID: 'x' },
      'ENGAGE_CLIENT_SECRET',
      /need all three/,
    ],
    [
      'a token URL that is not a URL, with a token endpoint for an example',
      { ...withoutToken, ENGAGE_TOKEN_URL: 'nope', ENGAGE_CLIENT_ID: 'x', ENGAGE_CLIENT_SECRET: 'y' },
      'ENGAGE_TOKEN_URL',
      /not a URL \(expected e\.g\. https:\/\/auth\.development\.pexipengage\.com\/realms\/<enterprise>\/protocol\/openid-connect\/token\)/,
    ],
    [
      'an unknown expectation',
      { ENGAGE_EXPECT: 'region-fallback,etags' },
      'ENGAGE_EXPECT',
      /unknown expectation\(s\) etags; known: region-fallback/,
    ],
    [
      "another tenant's appointment that is not <enterprise>/<id>",
      { ENGAGE_OTHER_TENANT_APPOINTMENT: 'globex' },
      'ENGAGE_OTHER_TENANT_APPOINTMENT',
      /is "globex" but must be <enterprise>\/<appointment id>: an appointment of another enterprise$/,
    ],
    [
      "another tenant's appointment of the run's own enterprise",
      { ENGAGE_ENTERPRISE: 'acme', ENGAGE_OTHER_TENANT_APPOINTMENT: 'ACME/123' },
      'ENGAGE_OTHER_TENANT_APPOINTMENT',
      /of ENGAGE_ENTERPRISE's own enterprise: name an appointment of another one/,
    ],
    [
      'none beside an expectation',
      { ENGAGE_EXPECT: 'none,rate-limit' },
      'ENGAGE_EXPECT',
      /is "none,rate-limit": none means no optional expectation, so name none alone or the others without it$/,
    ],
    [
      'a malformed default language',
      { ENGAGE_DEFAULT_LANGUAGE: 'english please' },
      'ENGAGE_DEFAULT_LANGUAGE',
      /not a language tag/,
    ],
  ];
  for (const [name, environment, variable, problem] of cases) {
    it(name, () => {
      const error = configError(environment);
      assert.equal(error.variable, variable);
      assert.ok(error.message.startsWith(`${variable} `), error.message);
      assert.match(error.message, problem);
      assert.doesNotMatch(error.message, /\n/, 'one line');
    });
  }
});

describe('secrets', () => {
  it('never print, whatever prints them', () => {
    const config = readSuiteConfig({ ...remote, ENGAGE_NO_SCOPE_TOKEN: 'no-scope-token-under-test' });
    const printed = [
      inspect(config, { depth: 10 }),
      JSON.stringify(config),
      String(config.auth.kind === 'static-token' && config.auth.token),
      String(config.noScopeAuth?.kind === 'static-token' && config.noScopeAuth.token),
    ];
    for (const text of printed) {
      assert.doesNotMatch(text, /token-under-test/);
    }
    const clients = readSuiteConfig({
      ...withClient,
      ENGAGE_NO_SCOPE_CLIENT_ID: 'no-scope',
      ENGAGE_NO_SCOPE_CLIENT_SECRET: 'no-scope-secret-under-test',
    });
    for (const text of [inspect(clients, { depth: 10 }), JSON.stringify(clients)])
      assert.doesNotMatch(text, /secret-under-test/);
  });
  it('never appear in a config error', () => {
    const error = configError({
      ...remote,
      ENGAGE_TOKEN: 'token-under-test',
      ENGAGE_CLIENT_SECRET: 'secret-under-test',
    });
    assert.doesNotMatch(error.message, /under-test/);
  });
});
