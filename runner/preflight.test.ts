// The preflight of `npm start` against a remote target: a wrong secret, token, id or URL, or an
// untrusted certificate, is one line naming the variable, exit code 2, and no layer starts; right
// settings pass it, over https too. npm start itself runs for a wrong secret and for the CA settings
// Node reads as it starts; every other case calls the same preflight in this process.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SANDBOX_DEFAULTS } from '../config/api-facts.ts';
import { readSuiteConfig } from '../config/suite-config.ts';
import { type RunningSandbox, startSandbox } from '../sandbox/start-sandbox.ts';
import { type GatewayProvider, startGatewayProvider, TEST_CA_FILE } from '../testing/gateway-provider.ts';
import { answerFrom } from '../testing/http-helpers.ts';
import { runEntryPoint } from '../testing/run-entry-point.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { claimsJwt } from '../testing/test-jwt.ts';
import { startTinyServer } from '../testing/tiny-server.ts';
import { tokenRequestClient } from '../testing/token-request-client.ts';
import { preflightProblems } from './preflight.ts';

describe('the preflight of npm start', () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());
  const settings = () => ({
    ENGAGE_REPORTS_DIR: temporaryFolder('preflight'),
    ENGAGE_BASE_URL: sandbox.url,
    ENGAGE_ENTERPRISE: 'acme',
    ENGAGE_APPOINTMENT_ID: '123',
    ENGAGE_DEFAULT_LANGUAGE: 'en',
    ENGAGE_TOKEN_URL: `${sandbox.url}/realms/acme/protocol/openid-connect/token`,
    ENGAGE_CLIENT_ID: 'sandbox-client',
    ENGAGE_CLIENT_SECRET: 'sandbox-client-secret',
  });
  const start = (environment: Record<string, string>) =>
    runEntryPoint('runner/main.ts', environment, ['--only', 'schemas']);
  /** The preflight's problems as npm start prints them, one line each. */
  const preflightLines = async (environment: Record<string, string>) =>
    (await preflightProblems(readSuiteConfig(environment))).map((problem) => `preflight: ${problem}`).join('\n');

  const refusals: Array<[string, () => Record<string, string>, RegExp]> = [
    [
      'a wrong static token',
      () => {
        const { ENGAGE_TOKEN_URL: _url, ENGAGE_CLIENT_ID: _id, ENGAGE_CLIENT_SECRET: _secret, ...rest } = settings();
        return { ...rest, ENGAGE_TOKEN: 'never-issued' };
      },
      /^preflight: GET http:\/\/127\.0\.0\.1:\d+\/enterprises\/acme\/appointments\/123 answered HTTP 401; the token was refused: check ENGAGE_TOKEN$/m,
    ],
    [
      'a token without the appointments scope',
      () => {
        const { ENGAGE_TOKEN_URL: _url, ENGAGE_CLIENT_ID: _id, ENGAGE_CLIENT_SECRET: _secret, ...rest } = settings();
        return { ...rest, ENGAGE_TOKEN: SANDBOX_DEFAULTS.noScopeToken };
      },
      /^preflight: GET \S+\/enterprises\/acme\/appointments\/123 answered HTTP 403; the token lacks the appointments scope: ENGAGE_TOKEN needs the scope engage:appointments:readOnly or engage:appointments:readWrite$/m,
    ],
    [
      'a client without the appointments scope',
      () => {
        const noScopeClient = SANDBOX_DEFAULTS.clients[1];
        return {
          ...settings(),
          ENGAGE_CLIENT_ID: noScopeClient.clientId,
          ENGAGE_CLIENT_SECRET: noScopeClient.clientSecret,
        };
      },
      /^preflight: GET \S+\/enterprises\/acme\/appointments\/123 answered HTTP 403; the token lacks the appointments scope: set ENGAGE_SCOPE, or grant the client's roles$/m,
    ],
    [
      "a wrong secret of the 403 check's client",
      () => ({
        ...settings(),
        ENGAGE_NO_SCOPE_CLIENT_ID: SANDBOX_DEFAULTS.clients[1].clientId,
        ENGAGE_NO_SCOPE_CLIENT_SECRET: 'never-issued',
      }),
      /^preflight: ENGAGE_NO_SCOPE_CLIENT_ID or ENGAGE_NO_SCOPE_CLIENT_SECRET was refused: the token endpoint answered HTTP 401 invalid_client$/m,
    ],
    [
      'an appointment that does not exist',
      () => ({ ...settings(), ENGAGE_APPOINTMENT_ID: 'not-there' }),
      /^preflight: ENGAGE_APPOINTMENT_ID not-there was not found in ENGAGE_ENTERPRISE acme: .* answered HTTP 404, saying `[^`]+`; if both are right, check the path of ENGAGE_BASE_URL$/m,
    ],
  ];
  it('repeats no secret given to a setting it quotes, in the console or summary.md', async () => {
    const reports = temporaryFolder('preflight');
    const secret = `broker-token-${process.pid}-in-the-wrong-place`;
    const { code, output } = await start({
      ...settings(),
      ENGAGE_REPORTS_DIR: reports,
      ENGAGE_APPOINTMENT_ID: secret,
      PACT_BROKER_TOKEN: secret,
    });
    assert.equal(code, 2, output);
    assert.match(output, /^preflight: ENGAGE_APPOINTMENT_ID \[redacted\] was not found in ENGAGE_ENTERPRISE acme: /m);
    assert.ok(!output.includes(secret), output);
    assert.ok(!readFileSync(join(reports, 'summary.md'), 'utf8').includes(secret));
  });
  it('stops on a wrong client secret with one line naming its env file and exit code 2, before any layer', async () => {
    const reports = temporaryFolder('preflight');
    const config = temporaryFolder('preflight-config');
    writeFileSync(join(config, '.env'), 'ENGAGE_CLIENT_SECRET=not-the-secret\n');
    const { ENGAGE_CLIENT_SECRET: _secret, ...rest } = settings();
    const { code, output } = await start({ ...rest, ENGAGE_REPORTS_DIR: reports, ENGAGE_CONFIG_DIR: config });
    assert.equal(code, 2, output);
    // The report says so too, for a CI job summary, and holds no secret.
    const summary = readFileSync(join(reports, 'summary.md'), 'utf8');
    assert.match(
      summary,
      /: NOT RUN\n\n## Not run: a setting was refused\n\n- preflight: ENGAGE_CLIENT_ID or ENGAGE_CLIENT_SECRET was refused/,
    );
    assert.doesNotMatch(summary, /not-the-secret/);
    assert.match(
      output,
      /^preflight: ENGAGE_CLIENT_ID or ENGAGE_CLIENT_SECRET was refused: the token endpoint answered HTTP 401 invalid_client \(ENGAGE_CLIENT_SECRET is set in \S+\/\.env\)$/m,
    );
    assert.doesNotMatch(output, /▶/, 'no layer started');
    assert.doesNotMatch(output, /not-the-secret/, 'no secret is repeated');
  });
  it("passes right settings, the 403 check's own client included, and asks for its token only when e2e runs", async () => {
    const noScopeClient = SANDBOX_DEFAULTS.clients[1];
    const config = readSuiteConfig({
      ...settings(),
      ENGAGE_NO_SCOPE_CLIENT_ID: noScopeClient.clientId,
      ENGAGE_NO_SCOPE_CLIENT_SECRET: noScopeClient.clientSecret,
    });
    assert.deepEqual(await preflightProblems(config), []);
    const wrong = readSuiteConfig({
      ...settings(),
      ENGAGE_NO_SCOPE_CLIENT_ID: 'x',
      ENGAGE_NO_SCOPE_CLIENT_SECRET: 'y',
    });
    assert.deepEqual(await preflightProblems(wrong, { layers: ['contracts', 'load'] }), []);
  });
  // The others through the same preflight in this process, as the lines npm start prints.
  for (const [label, environment, line] of refusals) {
    it(`stops on ${label} with one line`, async () => {
      const output = await preflightLines(environment());
      assert.match(output, line);
      assert.doesNotMatch(output, /never-issued/, 'no secret is repeated');
    });
  }
  it("blames the token endpoint, not a client, for its own 503: it stops the run for the suite's client, and warns for the 403 check's", async () => {
    const noScopeClient = SANDBOX_DEFAULTS.clients[1];
    // The sandbox's token endpoint, but failing for the client the request names.
    let failing = 'sandbox-client';
    const endpoint = await startTinyServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += chunk;
      if (tokenRequestClient(request, body)?.clientId === failing) {
        response.writeHead(503);
        response.end();
        return;
      }
      const issued = await fetch(`${sandbox.url}/realms/acme/protocol/openid-connect/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(request.headers.authorization === undefined ? {} : { authorization: request.headers.authorization }),
        },
        body,
      });
      response.writeHead(issued.status, { 'content-type': 'application/json' });
      response.end(await issued.text());
    });
    const environment = {
      ...settings(),
      ENGAGE_TOKEN_URL: `${endpoint.url}/token`,
      ENGAGE_NO_SCOPE_CLIENT_ID: noScopeClient.clientId,
      ENGAGE_NO_SCOPE_CLIENT_SECRET: noScopeClient.clientSecret,
    };
    const warnings: string[] = [];
    const warn = console.error;
    try {
      assert.equal(
        await preflightLines(environment),
        `preflight: ENGAGE_TOKEN_URL ${endpoint.url}/token gave no token: the token endpoint answered HTTP 503, a failure of its own`,
      );
      failing = noScopeClient.clientId;
      console.error = (line: string) => warnings.push(line);
      assert.deepEqual(await preflightProblems(readSuiteConfig(environment)), []);
    } finally {
      console.error = warn;
      await endpoint.close();
    }
    assert.deepEqual(warnings, [
      `preflight: warning: ENGAGE_TOKEN_URL ${endpoint.url}/token gave no token: the token endpoint answered HTTP 503, a failure of its own; the 403 check will ask again`,
    ]);
  });
  it('stops on an ENGAGE_NO_SCOPE_TOKEN past its own expiry (a JWT), before any request: the 403 check would fail a healthy API', async () => {
    const target = await startTinyServer((_request, response) => response.end());
    try {
      const config = readSuiteConfig({
        ...settings(),
        ENGAGE_BASE_URL: target.url,
        ENGAGE_TOKEN_URL: `${target.url}/token`,
        ENGAGE_NO_SCOPE_TOKEN: claimsJwt({ exp: 1_700_000_000 }),
      });
      assert.deepEqual(await preflightProblems(config), [
        'ENGAGE_NO_SCOPE_TOKEN expired at 2023-11-14T22:13:20.000Z (its exp claim): renew it, or unset it to skip the 403 check',
      ]);
      assert.equal(target.requests.length, 0, 'no request was sent');
      // Without e2e, its one user, the no-scope token is not looked at.
      const withoutE2e = await preflightProblems(config, { layers: ['schemas', 'load'] });
      assert.ok(!withoutE2e.join().includes('ENGAGE_NO_SCOPE_TOKEN'), withoutE2e.join());
    } finally {
      await target.close();
    }
  });
  it('stops on an ENGAGE_EXPIRED_TOKEN that has not expired yet (a JWT), which a healthy API would take', async () => {
    const jwt = (exp: number) => claimsJwt({ exp });
    const now = Math.floor(Date.now() / 1000);
    assert.match(
      await preflightLines({ ...settings(), ENGAGE_EXPIRED_TOKEN: jwt(now + 3600) }),
      /^preflight: ENGAGE_EXPIRED_TOKEN has not expired yet \(its exp claim: \S+\), so a healthy API would take it: give one that has, or unset it to skip the expired-token check$/,
    );
    assert.equal(await preflightLines({ ...settings(), ENGAGE_EXPIRED_TOKEN: jwt(now - 3600) }), '');
  });
  it("stops on a 403 check's token that a healthy API would answer 200: the suite's own, or one whose scope claim has the scope", async () => {
    const withScope = (scope: string) => claimsJwt({ scope });
    assert.match(
      await preflightLines({ ...settings(), ENGAGE_NO_SCOPE_TOKEN: withScope('profile engage:appointments:readOnly') }),
      /^preflight: ENGAGE_NO_SCOPE_TOKEN's token has the appointments scope \(engage:appointments:readOnly in its scope claim\), so a healthy API answers it 200: the 403 check needs a token without it$/,
    );
    assert.equal(await preflightLines({ ...settings(), ENGAGE_NO_SCOPE_TOKEN: withScope('profile email') }), '');
    const { ENGAGE_TOKEN_URL: _url, ENGAGE_CLIENT_ID: _id, ENGAGE_CLIENT_SECRET: _secret, ...rest } = settings();
    assert.equal(
      await preflightLines({
        ...rest,
        ENGAGE_TOKEN: SANDBOX_DEFAULTS.token,
        ENGAGE_NO_SCOPE_TOKEN: SANDBOX_DEFAULTS.token,
      }),
      "preflight: ENGAGE_NO_SCOPE_TOKEN gives the suite's own token: the 403 check needs a token without the appointments scope",
    );
  });
  it("says the same of the 403 check's client when its token endpoint gives it such a token", async () => {
    const scopedJwt = claimsJwt({ scope: 'engage:appointments:readWrite' });
    // Gives the suite's client a token the sandbox takes, and the 403 check's client `noScopeToken`.
    const tokenEndpoint = (noScopeToken: string) =>
      startTinyServer((request, response) => {
        let body = '';
        request.on('data', (chunk) => {
          body += chunk;
        });
        request.on('end', () => {
          const forSuite = tokenRequestClient(request, body)?.clientId === 'sandbox-client';
          response.writeHead(200, { 'content-type': 'application/json' });
          const accessToken = forSuite ? SANDBOX_DEFAULTS.token : noScopeToken;
          response.end(JSON.stringify({ access_token: accessToken, token_type: 'Bearer', expires_in: 300 }));
        });
      });
    for (const [noScopeToken, expected] of [
      [
        scopedJwt,
        "preflight: ENGAGE_NO_SCOPE_CLIENT_ID's token has the appointments scope (engage:appointments:readWrite in its scope claim), so a healthy API answers it 200: the 403 check needs a token without it",
      ],
      [
        SANDBOX_DEFAULTS.token,
        "preflight: ENGAGE_NO_SCOPE_CLIENT_ID gives the suite's own token: the 403 check needs a token without the appointments scope",
      ],
    ]) {
      const endpoint = await tokenEndpoint(noScopeToken as string);
      try {
        const lines = await preflightLines({
          ...settings(),
          ENGAGE_TOKEN_URL: endpoint.url,
          ENGAGE_NO_SCOPE_CLIENT_ID: 'the-403-check-client',
          ENGAGE_NO_SCOPE_CLIENT_SECRET: 'its-secret',
        });
        assert.equal(lines, expected);
      } finally {
        await endpoint.close();
      }
    }
  });
  it("quotes a 404's message without the token the request carried, even one the API echoes cut short", async () => {
    const token = `echoed-token-${process.pid}-abcdefgh`;
    const echoing = await startTinyServer((request, response) => {
      response.writeHead(404, { 'content-type': 'application/json' });
      const message = `no appointment for ${request.headers.authorization} (${token.slice(3, 14)}…)`;
      response.end(JSON.stringify({ errors: [{ message, code: 'NOT_FOUND', type: 'ERROR', statusCode: '404' }] }));
    });
    try {
      const { ENGAGE_TOKEN_URL: _url, ENGAGE_CLIENT_ID: _id, ENGAGE_CLIENT_SECRET: _secret, ...rest } = settings();
      const lines = await preflightLines({ ...rest, ENGAGE_BASE_URL: echoing.url, ENGAGE_TOKEN: token });
      assert.match(lines, /saying `no appointment for Bearer \[redacted\] \(\[redacted\]…\)`/);
      assert.ok(!lines.includes(token.slice(3, 14)), lines);
    } finally {
      await echoing.close();
    }
  });
  it('stops on a target that does not answer, naming it', async () => {
    const closed = await startTinyServer(() => {});
    const url = closed.url;
    await closed.close();
    const output = await preflightLines({
      ...settings(),
      ENGAGE_BASE_URL: url,
      ENGAGE_TOKEN: 'x',
      ENGAGE_TOKEN_URL: '',
      ENGAGE_CLIENT_ID: '',
      ENGAGE_CLIENT_SECRET: '',
    });
    assert.match(
      output,
      new RegExp(`^preflight: ENGAGE_BASE_URL: the target ${url} could not be reached \\(ECONNREFUSED\\)$`, 'm'),
    );
  });
  // The same preflight in this process: which setting each wrong answer names.
  const problems = (environment: Record<string, string>) => preflightProblems(readSuiteConfig(environment));
  it("names ENGAGE_TOKEN_URL when the API refuses the tokens it issues: another environment's token endpoint", async () => {
    const elsewhere = await startSandbox();
    try {
      const tokenUrl = `${elsewhere.url}/realms/acme/protocol/openid-connect/token`;
      assert.deepEqual(await problems({ ...settings(), ENGAGE_TOKEN_URL: tokenUrl }), [
        `GET ${sandbox.url}/enterprises/acme/appointments/123 answered HTTP 401; the issued token was refused: check that ENGAGE_TOKEN_URL is the token endpoint for this API`,
      ]);
    } finally {
      await elsewhere.close();
    }
  });
  it('names ENGAGE_TOKEN_URL when nothing answers there or it is not a token endpoint, and ENGAGE_SCOPE when the scope is refused', async () => {
    // A 200 without a token: the endpoint refused nothing, it gave nothing.
    const tokenless = await startTinyServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
    try {
      assert.deepEqual(await problems({ ...settings(), ENGAGE_TOKEN_URL: `${tokenless.url}/token` }), [
        `ENGAGE_TOKEN_URL ${tokenless.url}/token gave no token: its answer lacks access_token, holds one that is not one line without spaces, or names an expires_in that is no positive number`,
      ]);
    } finally {
      await tokenless.close();
    }
    const closed = await startTinyServer(() => {});
    await closed.close();
    assert.deepEqual(await problems({ ...settings(), ENGAGE_TOKEN_URL: `${closed.url}/token` }), [
      `ENGAGE_TOKEN_URL: the token endpoint ${closed.url}/token could not be reached (ECONNREFUSED)`,
    ]);
    // Worded as a silent target is (describeNoAnswer), not as an unreachable one.
    const silent = await startTinyServer(() => {});
    try {
      const silentSettings = {
        ...settings(),
        ENGAGE_TOKEN_URL: `${silent.url}/token`,
        ENGAGE_REQUEST_TIMEOUT_MS: '300',
      };
      assert.deepEqual(await problems(silentSettings), [
        `ENGAGE_TOKEN_URL: the token endpoint ${silent.url}/token did not answer within 0.3 s`,
      ]);
    } finally {
      await silent.close();
    }
    assert.deepEqual(await problems({ ...settings(), ENGAGE_TOKEN_URL: `${sandbox.url}/realms/acme/tokn` }), [
      `ENGAGE_TOKEN_URL ${sandbox.url}/realms/acme/tokn is not a token endpoint: it answered HTTP 404`,
    ]);
    // A path of the API that refuses the POST (405) with the API's errors body, not an OAuth one.
    const appointment = `${sandbox.url}/enterprises/acme/appointments/123`;
    assert.deepEqual(await problems({ ...settings(), ENGAGE_TOKEN_URL: appointment }), [
      `ENGAGE_TOKEN_URL ${appointment} is not a token endpoint: it answered HTTP 405`,
    ]);
    assert.deepEqual(await problems({ ...settings(), ENGAGE_SCOPE: 'wrong:scope' }), [
      'ENGAGE_SCOPE wrong:scope was refused: the token endpoint answered HTTP 400 invalid_scope',
    ]);
  });
  it('names in one line the ids of ENGAGE_APPOINTMENT_IDS that are not found', async () => {
    assert.deepEqual(
      await problems({ ...settings(), ENGAGE_APPOINTMENT_IDS: '123,not-there,a-office-multilingual,gone' }),
      [
        `ENGAGE_APPOINTMENT_IDS not-there, gone were not found in ENGAGE_ENTERPRISE acme at ${sandbox.url}: each GET answered HTTP 404`,
      ],
    );
    assert.deepEqual(await problems({ ...settings(), ENGAGE_APPOINTMENT_IDS: '123,a-office-multilingual' }), []);
  });
  it('stops on an ENGAGE_MISSING_APPOINTMENT_ID that exists, which the 404 checks would fail on a healthy API', async () => {
    assert.deepEqual(await problems({ ...settings(), ENGAGE_MISSING_APPOINTMENT_ID: 'a-office-multilingual' }), [
      `ENGAGE_MISSING_APPOINTMENT_ID a-office-multilingual is an appointment of ENGAGE_ENTERPRISE acme: GET ${sandbox.url}/enterprises/acme/appointments/a-office-multilingual answered HTTP 200, and the 404 checks need an id that does not exist; unset it to use a made-up one`,
    ]);
    assert.deepEqual(await problems({ ...settings(), ENGAGE_MISSING_APPOINTMENT_ID: 'truly-gone' }), []);
    // Its one users are e2e and the contracts: a run without them is not stopped for it.
    const loadOnly = await preflightProblems(
      readSuiteConfig({ ...settings(), ENGAGE_MISSING_APPOINTMENT_ID: 'a-office-multilingual' }),
      { layers: ['schemas', 'load'] },
    );
    assert.deepEqual(loadOnly, []);
  });
  it('leaves an API that answers any id 200 to the 404 checks, whose failure it is, not the setting', async () => {
    // Every appointment path answered as the sandbox answers appointment 123: an API that reads no id.
    const servesAnything = await startTinyServer((request, response) => {
      request.url = '/enterprises/acme/appointments/123';
      answerFrom(sandbox.url, request, response, ['Authorization', String(request.headers.authorization)]);
    });
    try {
      assert.deepEqual(
        await problems({ ...settings(), ENGAGE_BASE_URL: servesAnything.url, ENGAGE_MISSING_APPOINTMENT_ID: 'gone' }),
        [],
      );
    } finally {
      await servesAnything.close();
    }
  });
  it('names ENGAGE_BASE_URL, with the whole URL, when a 404 did not come from the API', async () => {
    const elsewhere = await startTinyServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{}');
    });
    try {
      const environment = { ...settings(), ENGAGE_BASE_URL: `${elsewhere.url}/v1`, ENGAGE_TOKEN_URL: '' };
      assert.deepEqual(
        await problems({ ...environment, ENGAGE_CLIENT_ID: '', ENGAGE_CLIENT_SECRET: '', ENGAGE_TOKEN: 'x' }),
        [
          `GET ${elsewhere.url}/v1/enterprises/acme/appointments/123 answered HTTP 404; a 404 without the API's errors body, so not the appointments API: check ENGAGE_BASE_URL`,
        ],
      );
    } finally {
      await elsewhere.close();
    }
  });
  describe('an https target whose certificate a private CA signed (testing/tls)', () => {
    let gateway: GatewayProvider;
    // The remedy names a CA file this process was given: these in-process checks are given none,
    // whatever the machine sets (Node read it as it started; the test CA is not in it).
    const machineCaFile = process.env.NODE_EXTRA_CA_CERTS;
    before(() => {
      delete process.env.NODE_EXTRA_CA_CERTS;
    });
    after(() => {
      if (machineCaFile !== undefined) process.env.NODE_EXTRA_CA_CERTS = machineCaFile;
    });
    before(async () => {
      // Under a path of its own, as a gateway routes an API: the base URL ends with it.
      gateway = await startGatewayProvider(sandbox.url, { tls: true, prefix: '/engage/v1' });
    });
    after(() => gateway.close());
    it('names NODE_EXTRA_CA_CERTS, and SSL_CERT_FILE for k6, while this process does not trust the CA', async () => {
      assert.deepEqual(await problems({ ...settings(), ENGAGE_BASE_URL: gateway.url }), [
        `ENGAGE_BASE_URL: TLS to the target ${gateway.url} failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE); the target's certificate is not trusted here (a private CA, or a server that leaves out its intermediate certificate): for a private CA, set NODE_EXTRA_CA_CERTS to its PEM file (Node) and SSL_CERT_FILE to a bundle of the system's CAs and it (k6 on Linux; on macOS and Windows, add it to the system's trust store)`,
      ]);
    });
    it('says the same of a token endpoint there, naming ENGAGE_TOKEN_URL', async () => {
      const tokenUrl = `${gateway.url}/realms/acme/protocol/openid-connect/token`;
      assert.deepEqual(await problems({ ...settings(), ENGAGE_TOKEN_URL: tokenUrl }), [
        `ENGAGE_TOKEN_URL: TLS to the token endpoint ${tokenUrl} failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE); the token endpoint's certificate is not trusted here (a private CA, or a server that leaves out its intermediate certificate): for a private CA, set NODE_EXTRA_CA_CERTS to its PEM file (Node) and SSL_CERT_FILE to a bundle of the system's CAs and it (k6 on Linux; on macOS and Windows, add it to the system's trust store)`,
      ]);
    });
    it('names the file NODE_EXTRA_CA_CERTS gave when it lacks the CA', async () => {
      const notTheCa = fileURLToPath(new URL('../testing/tls/loopback.pem', import.meta.url));
      const { code, output } = await start({
        ...settings(),
        ENGAGE_BASE_URL: gateway.url,
        NODE_EXTRA_CA_CERTS: notTheCa,
      });
      assert.equal(code, 2, output);
      assert.match(
        output,
        new RegExp(
          `^preflight: ENGAGE_BASE_URL: TLS to the target ${gateway.url} failed \\(UNABLE_TO_VERIFY_LEAF_SIGNATURE\\); the target's certificate is not trusted here, though NODE_EXTRA_CA_CERTS is ${notTheCa}: add the CA that signed it to that file, unless the server leaves out its intermediate certificate$`,
          'm',
        ),
      );
    });
    it('passes the preflight with the CA in NODE_EXTRA_CA_CERTS, and the layers start (verification over https: verify-provider.test.ts)', async () => {
      const { code, output } = await start({
        ...settings(),
        ENGAGE_BASE_URL: gateway.url,
        NODE_EXTRA_CA_CERTS: TEST_CA_FILE,
      });
      assert.equal(code, 0, output);
      assert.match(output, /^API suite against https:\/\/127\.0\.0\.1:\d+\/engage\/v1: schemas$/m);
      assert.match(output, /✔ schemas passed/);
    });
  });
  it('names ENGAGE_BASE_URL, with where it points, for a redirect (http where the API is https)', async () => {
    const redirecting = await startTinyServer((request, response) => {
      response.writeHead(301, { location: `https://api.example.test${request.url}` });
      response.end();
    });
    try {
      const environment = { ...settings(), ENGAGE_BASE_URL: redirecting.url, ENGAGE_TOKEN_URL: '' };
      assert.deepEqual(
        await problems({ ...environment, ENGAGE_CLIENT_ID: '', ENGAGE_CLIENT_SECRET: '', ENGAGE_TOKEN: 'x' }),
        [
          `GET ${redirecting.url}/enterprises/acme/appointments/123 answered HTTP 301; a redirect, which the API does not answer with: set ENGAGE_BASE_URL to https://api.example.test`,
        ],
      );
    } finally {
      await redirecting.close();
    }
  });
  it('names ENGAGE_BASE_URL when it leaves out the path a gateway serves the API under, and reads its gzipped 404s', async () => {
    const gateway = await startGatewayProvider(sandbox.url, { prefix: '/engage/v1' });
    try {
      const origin = new URL(gateway.url).origin;
      assert.deepEqual(await problems({ ...settings(), ENGAGE_BASE_URL: origin }), [
        `GET ${origin}/enterprises/acme/appointments/123 answered HTTP 404; a 404 without the API's errors body, so not the appointments API: check ENGAGE_BASE_URL`,
      ]);
      assert.deepEqual(await problems({ ...settings(), ENGAGE_BASE_URL: gateway.url }), []);
      // The gateway gzips the API's 404 (the preflight asks for no coding): read decoded, it is the errors body.
      const [missing] = await problems({
        ...settings(),
        ENGAGE_BASE_URL: gateway.url,
        ENGAGE_APPOINTMENT_ID: 'not-there',
      });
      assert.match(missing ?? '', /^ENGAGE_APPOINTMENT_ID not-there was not found in ENGAGE_ENTERPRISE acme: /);
      assert.ok(gateway.compressed() > 0, 'the gateway compressed');
    } finally {
      await gateway.close();
    }
  });
  it("sends a User-Agent, which firewalls require, and says a firewall's own 403 came from in front of the API", async () => {
    // As AWS WAF's NoUserAgent_HEADER rule: a 403 HTML page for a request without a User-Agent.
    const firewall = await startTinyServer((request, response) => {
      if (request.headers['user-agent'] === undefined || request.url?.endsWith('/blocked')) {
        response.writeHead(403, { 'content-type': 'text/html' });
        response.end('<html><body>403 Forbidden</body></html>');
        return;
      }
      answerFrom(sandbox.url, request, response, ['Authorization', String(request.headers.authorization)]);
    });
    try {
      const behind = { ...settings(), ENGAGE_BASE_URL: firewall.url };
      assert.equal(await preflightLines(behind), '');
      assert.match(
        await preflightLines({ ...behind, ENGAGE_APPOINTMENT_ID: 'blocked' }),
        /^preflight: GET \S+\/blocked answered HTTP 403; a 403 without the API's errors body, so from in front of the API \(a firewall, or a gateway that checks scopes\): check its rules; set ENGAGE_SCOPE, or grant the client's roles$/,
      );
    } finally {
      await firewall.close();
    }
  });
  it('lets right settings through', async () => {
    assert.equal(await preflightLines(settings()), '');
  });
});
