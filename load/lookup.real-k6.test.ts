// Runs load/lookup.ts on a real k6 (K6_BIN, else the PATH) as users do: a smoke run passes against
// the sandbox, by npm run load and by npm start with its report; the guards refuse a heavy profile
// against production and --vus against a real target; thresholds fail it against slow, failing and
// broken-body targets; a 429's Retry-After is waited for; client credentials are refused in setup()
// or refreshed mid-run; an archive built with no environment runs; an ids file is read, or refused
// in one line; two execution segments split the arrivals; and no token or secret reaches any file or
// output. Skipped, saying so, with no k6.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { appointmentPath, READ_SCOPES, SANDBOX_DEFAULTS, SUITE_USER_AGENT } from '../config/api-facts.ts';
import { inReports, REPORT_FILES } from '../config/report-paths.ts';
import { CLIENT_AUTHENTICATIONS, UNUSABLE_TOKEN_ANSWER } from '../config/token-request.ts';
import { type RunningSandbox, startSandbox } from '../sandbox/start-sandbox.ts';
import { docsAppointmentResponse } from '../schemas/docs-examples.ts';
import { filesContaining } from '../testing/files-containing.ts';
import { type GatewayProvider, startGatewayProvider, TEST_CA_FILE } from '../testing/gateway-provider.ts';
import { oneWayTokenEndpoint } from '../testing/one-way-token-endpoint.ts';
import { type RecordingProxy, startRecordingProxy } from '../testing/recording-proxy.ts';
import { runEntryPoint, runProgram } from '../testing/run-entry-point.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { startTinyServer, type TinyServer } from '../testing/tiny-server.ts';
import { failedLookupReasons } from './failed-lookups.ts';
import { findK6 } from './find-k6.ts';

const k6 = findK6(process.env);
const version = k6 === undefined ? '' : spawnSync(k6, ['version'], { encoding: 'utf8' }).stdout.split(' ')[1];
const skip = k6 === undefined ? 'no k6 found: set K6_BIN or put k6 on the PATH to run the real-k6 tests' : false;

/** Runs k6 with only the variables given (and PATH), in the repository folder unless told. */
function runK6(args: string[], environment: Record<string, string>, cwd = process.cwd()) {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: tmpdir(),
    K6_NO_USAGE_REPORT: 'true',
    NO_COLOR: '1',
    ...environment,
  };
  return runProgram(k6 as string, args, env, cwd);
}

/** `k6 run load/lookup.ts` with its summaries and --out json in a folder of the test's own. */
async function runLookup(target: string, environment: Record<string, string>, extraArgs: string[] = []) {
  const reports = temporaryFolder('real-k6');
  // k6 creates no folders: the summaries go to <reports>/load, as npm run load prepares it.
  mkdirSync(join(reports, 'load'));
  const run = await runK6(
    // The metrics file where npm run load writes it, so that its failed lookups can be read as there.
    [
      'run',
      '--no-usage-report',
      '--out',
      `json=${inReports(reports, REPORT_FILES.loadMetrics)}`,
      ...extraArgs,
      'load/lookup.ts',
    ],
    {
      ENGAGE_BASE_URL: target,
      ENGAGE_ENTERPRISE: 'acme',
      ENGAGE_APPOINTMENT_IDS: '123',
      // What the docs example, in English, answers rightly; a body in English asked for nl fails.
      ENGAGE_LOAD_LANGUAGES: 'en *,*,en',
      ENGAGE_LOAD_DURATION: '3s',
      ENGAGE_REPORTS_DIR: reports,
      ...environment,
    },
  );
  return { ...run, reports };
}

/**
 * A run against a tiny server answering as `answer` does, which setup() is to stop (exit 108): its
 * output and the requests the server got. `environment` is given the server's URL.
 */
async function stoppedInSetup(
  answer: (request: IncomingMessage, response: ServerResponse) => void,
  environment: (url: string) => Record<string, string>,
) {
  const server = await startTinyServer(answer);
  try {
    const { code, output } = await runLookup(server.url, environment(server.url));
    assert.equal(code, 108, output);
    return { output, url: server.url, requests: server.requests };
  } finally {
    await server.close();
  }
}

/** The docs example at any appointment path; `answer` may change the reply of the n-th request. */
type Answer = { status: number; body: unknown; delayMs?: number; contentType?: string };
function docsProvider(answer: (count: number) => Answer) {
  let count = 0;
  return startTinyServer((_request, response) => {
    const { status, body, delayMs = 0, contentType = 'application/json' } = answer(count++);
    setTimeout(() => {
      response.writeHead(status, { 'content-type': contentType });
      response.end(JSON.stringify(body));
    }, delayMs);
  });
}

const docs = docsAppointmentResponse();
const broken = { ...docs, data: { ...docs.data, status: 'LATE' } };
// A Kelvin sign (U+212A) for the "K" of a URI: k6's case-insensitive regular expressions took it for one.
const kelvin = {
  ...docs,
  data: {
    ...docs.data,
    appointmentParticipants: docs.data.appointmentParticipants.map((participant: object) => ({
      ...participant,
      videoUrl: 'https://\u212Aelvin.example.com/room',
    })),
  },
};
const serverError = { errors: [{ message: 'boom', code: 'INTERNAL', type: 'INTERNAL', statusCode: '500' }] };

function assertNoSecrets(folder: string, output: string, secrets: string[]) {
  for (const secret of secrets) {
    assert.deepEqual(filesContaining(folder, secret), [], `a file under ${folder} holds a secret`);
    assert.ok(!output.includes(secret), 'the output holds a secret');
  }
}

describe(`real k6 ${version}`, { skip }, () => {
  it('npm run load: smoke passes against the sandbox, writes the summaries, and holds no token', async () => {
    const reports = temporaryFolder('real-k6');
    const { code, output } = await runEntryPoint(
      'load/run-load.ts',
      { K6_BIN: k6 as string, ENGAGE_REPORTS_DIR: reports, K6_WEB_DASHBOARD_PORT: '-1', K6_WEB_DASHBOARD_PERIOD: '1s' },
      ['--profile', 'smoke', '--duration', '3s', '--dashboard'],
    );
    assert.equal(code, 0, output);
    assert.match(output, /^load: smoke against the embedded sandbox at http:\/\/127\.0\.0\.1:\d+: passed$/m);
    assert.match(output, /✔ checks rate>0\.99 /);
    // Told from the thresholds given, which k6 replaces with its own reading once it has read them.
    assert.match(output, /✔ checks rate>0\.5, aborts the run when crossed /);
    assert.deepEqual(readdirSync(join(reports, 'load')).sort(), [
      'dashboard.html',
      'junit.xml',
      'metrics.json.gz',
      'summary.html',
      'summary.json',
      'summary.md',
    ]);
    assertNoSecrets(reports, output, [SANDBOX_DEFAULTS.token]);
  });

  it('npm start: the load layer passes and the report shows the real run, its tables and its chart', async () => {
    const reports = temporaryFolder('real-k6');
    const { code, output } = await runEntryPoint(
      'runner/main.ts',
      { K6_BIN: k6 as string, ENGAGE_REPORTS_DIR: reports, ENGAGE_LOAD_DURATION: '3s' },
      ['--only', 'load'],
    );
    assert.equal(code, 0, output);
    assert.match(output, /✔ load passed/);
    const html = readFileSync(join(reports, 'index.html'), 'utf8');
    assert.match(html, /<h3>Load: smoke against the embedded sandbox at http:\/\/127\.0\.0\.1:\d+: passed<\/h3>/);
    const [, successes = '0'] = /<td>lookups answered 200<\/td><td>(\d+) /.exec(html) ?? [];
    assert.ok(Number(successes) > 0, `lookups answered 200: ${successes}`);
    assert.match(
      html,
      /<tr class="passed"><td>http_req_duration\{name:appointment-by-id,status:200\}<\/td><td>p\(95\)&lt;500<\/td><td>[\d.]+&nbsp;ms<\/td><td>\+[\d.]+&nbsp;ms<\/td>/,
    );
    // As many lookups in the chart as answered 200 in the table; 3 s of smoke is too few for points over time.
    assert.match(
      html,
      new RegExp(`<svg [^>]*aria-label="Lookup latency distribution \\(${successes} lookups answered 200\\)"`),
    );
    assert.match(html, /Too few lookups answered 200 \(\d+\) for percentiles over time/);
    assert.doesNotMatch(html, /<pre>/, 'the load summary is tables, not Markdown text');
    assertNoSecrets(reports, output, [SANDBOX_DEFAULTS.token]);
  });

  it('refuses a heavy profile against production, trailing dot and all, with one line before any request', async () => {
    const folder = temporaryFolder('real-k6');
    const { code, output } = await runK6(
      ['run', '--no-usage-report', join(process.cwd(), 'load/lookup.ts')],
      {
        ENGAGE_BASE_URL: 'https://API.pexipengage.com.',
        ENGAGE_ENTERPRISE: 'acme',
        ENGAGE_TOKEN: 'production-token',
        ENGAGE_APPOINTMENT_ID: '123',
        ENGAGE_LOAD_PROFILE: 'stress',
      },
      folder,
    );
    assert.equal(code, 108, output);
    assert.match(
      output,
      /test aborted: ENGAGE_LOAD_PROFILE stress may not run against this target: https:\/\/API\.pexipengage\.com\. is production: .* needs ENGAGE_LOAD_CONFIRM_PRODUCTION=true/,
    );
    assert.doesNotMatch(output, /production-token|at file:/);
  });

  it('refuses --vus, which bypasses the profile, against a real target, in setup() before any lookup', async () => {
    const server = await docsProvider(() => ({ status: 200, body: docs }));
    try {
      const { code, output } = await runLookup(server.url, { ENGAGE_TOKEN: 'guard-token' }, [
        '--vus',
        '2',
        '--duration',
        '2s',
      ]);
      assert.equal(code, 108, output);
      assert.match(
        output,
        /test aborted: the scenarios k6 was given may not run against this target: the default scenario uses the constant-vus executor, whose request rate has no bound: set ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT=true/,
      );
      assert.equal(server.requests.length, 0, 'no request reached the target');
    } finally {
      await server.close();
    }
  });

  describe('thresholds fail the run with exit code 99', { concurrency: true }, () => {
    // The threshold crossed, and for the checks, why lookups failed as npm run load reads it.
    const cases: Array<[string, (count: number) => Answer, RegExp, RegExp?]> = [
      [
        'a target that takes 1.5 s a request',
        () => ({ status: 200, body: docs, delayMs: 1500 }),
        /✖ http_req_duration/,
      ],
      [
        'a target that fails 20 % of requests',
        (count) => (count % 5 === 4 ? { status: 500, body: serverError } : { status: 200, body: docs }),
        /✖ http_req_failed\{name:appointment-by-id\} rate<0\.01/,
        /^HTTP 500 \(\d+\)$/,
      ],
      [
        'a target whose 200 bodies break the body check a quarter of the time',
        (count) => ({ status: 200, body: count % 4 === 3 ? broken : docs }),
        /✖ lookup_bad_bodies count==0/,
        /^200 body: status must be one of ACCEPTED, .*, OUTGOING_INVITE \(\d+\)$/,
      ],
      [
        'a target whose 200 bodies carry a URI that is not ASCII a quarter of the time',
        (count) => ({ status: 200, body: count % 4 === 3 ? kelvin : docs }),
        /✖ lookup_bad_bodies count==0/,
        /^200 body: appointmentParticipants\[\]\.videoUrl must match format "uri" \(\d+\)$/,
      ],
      [
        'a target whose 200s say text/plain a quarter of the time, the same body or not',
        (count) => ({ status: 200, body: docs, contentType: count % 4 === 3 ? 'text/plain' : 'application/json' }),
        /✖ lookup_bad_bodies count==0/,
        /^200 body: content type is not JSON \(\d+\)$/,
      ],
      [
        // setup()'s readiness GET is tagged apart, so it cannot stand in for a lookup answered 200.
        'a target that answers the readiness check and then only 503',
        (count) => (count === 0 ? { status: 200, body: docs } : { status: 503, body: serverError }),
        /✖ http_reqs\{name:appointment-by-id,status:200\} count>0/,
      ],
    ];
    const servers: TinyServer[] = [];
    after(() => Promise.all(servers.map((server) => server.close())));
    for (const [name, answer, crossed, reasons] of cases) {
      it(name, async () => {
        const server = await docsProvider(answer);
        servers.push(server);
        const { code, output, reports } = await runLookup(server.url, { ENGAGE_TOKEN: 'threshold-token' });
        assert.equal(code, 99, output);
        assert.match(output, /: FAILED(: no lookup answered 200)?$/m);
        assert.match(output, crossed);
        if (reasons !== undefined) assert.match(failedLookupReasons(reports) ?? '(none)', reasons);
      });
    }
  });

  it('fails a run on one 200 with another appointment in 150 lookups, well within the checks budget', async () => {
    const other = { ...docs, data: { ...docs.data, id: '456' } };
    const server = await docsProvider((count) => ({ status: 200, body: count === 40 ? other : docs }));
    try {
      const { code, output, reports } = await runLookup(
        server.url,
        { ENGAGE_TOKEN: 'bad-body-token', ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT: 'true' },
        ['--vus', '2', '--iterations', '150'],
      );
      assert.equal(code, 99, output);
      assert.match(output, /✔ checks rate>0\.99/);
      assert.match(output, /✖ lookup_bad_bodies count==0 {2}\(seen 1/);
      assert.equal(failedLookupReasons(reports), '200 body: data.id is not the id asked for (1)');
    } finally {
      await server.close();
    }
  });

  it('fails a run on one 200 in another language than the one asked for, as a cache that ignores Accept-Language serves', async () => {
    // The docs example in English, its city translated into Dutch too, as every answer lists it: right
    // for en, wrong once for nl.
    const gent = { language: 'nl', value: 'Gent' };
    const translations = { ...docs.data.location.translations, city: [...docs.data.location.translations.city, gent] };
    const english = { ...docs, data: { ...docs.data, location: { ...docs.data.location, translations } } };
    const dutch = { ...english.data.location, city: gent, state: null, street1: null, street2: null };
    let dutchAsked = 0;
    const server = await startTinyServer((request, response) => {
      const nl = request.headers['accept-language'] === 'nl';
      const served = nl && dutchAsked++ !== 20 ? { ...english, data: { ...english.data, location: dutch } } : english;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(served));
    });
    try {
      const { code, output, reports } = await runLookup(
        server.url,
        { ENGAGE_TOKEN: 'language-token', ENGAGE_LOAD_LANGUAGES: 'en,nl', ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT: 'true' },
        ['--vus', '2', '--iterations', '100'],
      );
      assert.equal(code, 99, output);
      assert.match(output, /✖ lookup_bad_bodies count==0 {2}\(seen 1/);
      assert.equal(
        failedLookupReasons(reports),
        '200 body: location.city is in another language than the one asked for (1)',
      );
    } finally {
      await server.close();
    }
  });

  it("keeps under a target's own lower limit when told it: 2 at once, which soak goes above otherwise", async () => {
    // A healthy target whose endpoint takes 2 requests at once (the docs allow less than 4), and
    // answers a third with 429; each lookup takes 150 ms, so soak's 20 a second need 3 at once.
    let inFlight = 0;
    let most = 0;
    const server = await startTinyServer((_request, response) => {
      if (inFlight >= 2) {
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        response.end(
          JSON.stringify({ errors: [{ message: 'slow down', code: 'RATE', type: 'RATE', statusCode: '429' }] }),
        );
        return;
      }
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(docs));
      }, 150);
    });
    try {
      const soak = { ENGAGE_TOKEN: 'strict-token', ENGAGE_LOAD_PROFILE: 'soak' };
      const above = await runLookup(server.url, soak);
      assert.equal(above.code, 99, above.output);
      assert.match(failedLookupReasons(above.reports) ?? '', /^rate limited \(429\) \(\d+\)$/);
      most = 0;
      const under = await runLookup(server.url, { ...soak, ENGAGE_LOAD_RATE_LIMIT_CONCURRENT: '2' });
      assert.equal(under.code, 0, under.output);
      assert.equal(most, 2, 'never more than 2 at once');
      // Two VUs cannot keep 20 a second of 150 ms lookups: the summary counts what k6 could not send.
      assert.match(under.output, /^ {2}lookups not sent, every VU busy +[1-9]\d*$/m);
    } finally {
      await server.close();
    }
  });

  /** A target answering the n-th request (from 0) as `answer` says, with when each came. */
  async function answering(answer: (count: number) => { status: number; headers?: Record<string, string> }) {
    const arrivals: number[] = [];
    const server = await startTinyServer((_request, response) => {
      const { status, headers = {} } = answer(arrivals.length);
      arrivals.push(performance.now());
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(status === 200 ? docs : serverError));
    });
    const gaps = () => arrivals.slice(1).map((arrival, index) => (arrival - (arrivals[index] as number)) / 1000);
    return { server, gaps };
  }

  it('a readiness GET met by a 429 with Retry-After: setup() waits as asked, asks again, and the run passes with no failed request', async () => {
    const { server, gaps } = await answering((count) =>
      count === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 },
    );
    try {
      const { code, output, reports } = await runLookup(server.url, { ENGAGE_TOKEN: 'transient-token' });
      assert.equal(code, 0, output);
      assert.ok((gaps()[0] as number) >= 0.95, `asked again after ${gaps()[0]} s, not the 1 s Retry-After asked for`);
      const summary = JSON.parse(readFileSync(inReports(reports, REPORT_FILES.loadSummary), 'utf8'));
      assert.equal(summary.metrics.http_req_failed.values.rate, 0);
    } finally {
      await server.close();
    }
  });

  it('a target that answers only 503: setup() asks three times, backing off 0.5 s then 1 s, and stops saying so', async () => {
    const { server, gaps } = await answering(() => ({ status: 503 }));
    try {
      const { code, output } = await runLookup(server.url, { ENGAGE_TOKEN: 'unavailable-token' });
      assert.equal(code, 108, output);
      assert.match(
        output,
        /test aborted: the target http:\/\/127\.0\.0\.1:\d+ is not ready: GET appointment 123 got HTTP 503 \(3 tries: HTTP 503, 503, 503\)/,
      );
      const [first = 0, second = 0, ...more] = gaps();
      assert.ok(first >= 0.45 && second >= 0.95 && more.length === 0, `gaps ${gaps()}`);
    } finally {
      await server.close();
    }
  });

  it("a 503 whose Retry-After runs past setup()'s time: setup() stops at once, saying so, not by k6's timeout", async () => {
    const { server, gaps } = await answering(() => ({ status: 503, headers: { 'retry-after': '120' } }));
    try {
      const { code, output } = await runLookup(server.url, { ENGAGE_TOKEN: 'unavailable-token' });
      assert.equal(code, 108, output);
      assert.match(
        output,
        /got HTTP 503 \(1 try: HTTP 503; its Retry-After asks to wait 120 s, and another try would not end within setup\(\)'s 60 s\)/,
      );
      assert.deepEqual(gaps(), []);
    } finally {
      await server.close();
    }
  });

  it('a target that is not the appointments API (a 404 without the errors body): setup() names ENGAGE_BASE_URL', async () => {
    const { output } = await stoppedInSetup(
      (_request, response) => {
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('<h1>Not Found</h1>');
      },
      () => ({ ENGAGE_TOKEN: 'wrong-url-token' }),
    );
    assert.match(
      output,
      /test aborted: the target http:\/\/127\.0\.0\.1:\d+ is not ready: GET appointment 123 got HTTP 404; a 404 without the API's errors body, so not the appointments API: check ENGAGE_BASE_URL/,
    );
  });

  it('a target that answers 200 with a web page: setup() names ENGAGE_BASE_URL before any lookup', async () => {
    const { output, requests } = await stoppedInSetup(
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end('<!doctype html><div id="app"></div>');
      },
      () => ({ ENGAGE_TOKEN: 'web-page-token' }),
    );
    assert.match(
      output,
      /test aborted: the target http:\/\/127\.0\.0\.1:\d+ is not ready: GET appointment 123 got HTTP 200 with a text\/html; charset=utf-8 body, not the API's JSON: check ENGAGE_BASE_URL/,
    );
    assert.equal(requests.length, 1, 'the readiness GET alone');
  });

  describe('an https target under a path prefix, whose certificate a private CA signed (testing/tls)', () => {
    let sandbox: RunningSandbox;
    let gateway: GatewayProvider;
    before(async () => {
      sandbox = await startSandbox();
      // Under a path of its own, as a gateway routes an API: the base URL k6 is given ends with it.
      gateway = await startGatewayProvider(sandbox.url, { tls: true, prefix: '/engage/v1' });
    });
    after(async () => {
      await gateway.close();
      await sandbox.close();
    });
    it('stops in setup() naming SSL_CERT_FILE while k6 does not trust the CA', async () => {
      const { code, output } = await runLookup(gateway.url, { ENGAGE_TOKEN: SANDBOX_DEFAULTS.token });
      assert.equal(code, 108, output);
      assert.match(
        output,
        /test aborted: the target https:\/\/127\.0\.0\.1:\d+\/engage\/v1 is not ready: GET appointment 123 got no answer \(.*x509.*\); the target's certificate is not trusted here .*SSL_CERT_FILE to a bundle of the system's CAs and it \(k6 on Linux/,
      );
    });
    it('stops in setup() naming SSL_CERT_FILE when the token endpoint is the one k6 does not trust', async () => {
      const { code, output } = await runLookup(sandbox.url, {
        ENGAGE_TOKEN_URL: `${gateway.url}/realms/acme/protocol/openid-connect/token`,
        ENGAGE_CLIENT_ID: SANDBOX_DEFAULTS.clients[0].clientId,
        ENGAGE_CLIENT_SECRET: SANDBOX_DEFAULTS.clients[0].clientSecret,
      });
      assert.equal(code, 108, output);
      assert.match(
        output,
        /test aborted: the token endpoint https:\/\/127\.0\.0\.1:\d+\/\S+ answered nothing \(.*x509.*\); the token endpoint's certificate is not trusted here .*SSL_CERT_FILE/,
      );
    });
    it('names the file SSL_CERT_FILE gave when it lacks the CA', async () => {
      // A file without the CA (Go would trust the loopback certificate itself, were it given as a root).
      const notTheCa = join(temporaryFolder('real-k6'), 'other.pem');
      writeFileSync(notTheCa, 'no certificate here\n');
      const { code, output } = await runLookup(gateway.url, {
        ENGAGE_TOKEN: SANDBOX_DEFAULTS.token,
        SSL_CERT_FILE: notTheCa,
      });
      assert.equal(code, 108, output);
      assert.ok(
        output.includes(
          `the target's certificate is not trusted here, though SSL_CERT_FILE is ${notTheCa}: add the CA that signed it to that file`,
        ),
        output,
      );
    });
    it('passes with the CA in SSL_CERT_FILE', async () => {
      const { code, output } = await runLookup(gateway.url, {
        ENGAGE_TOKEN: SANDBOX_DEFAULTS.token,
        SSL_CERT_FILE: TEST_CA_FILE,
      });
      assert.equal(code, 0, output);
    });
  });

  it('a redirect (http where the API is https): setup() names the base URL to set, having followed nothing', async () => {
    // To the same server, under /v1, which redirects too: a followed redirect would show as more requests.
    const { output, requests } = await stoppedInSetup(
      (request, response) => {
        response.writeHead(301, { location: `/v1${request.url}` });
        response.end();
      },
      () => ({ ENGAGE_TOKEN: 'redirect-token' }),
    );
    assert.match(
      output,
      /test aborted: the target http:\/\/127\.0\.0\.1:\d+ is not ready: GET appointment 123 got HTTP 301; a redirect, which the API does not answer with: set ENGAGE_BASE_URL to http:\/\/127\.0\.0\.1:\d+\/v1/,
    );
    assert.equal(requests.length, 1, 'one request, the redirect not followed');
  });

  it('a token the endpoint refuses in setup(): the run stops before any lookup, in one line naming the endpoint', async () => {
    const { output, url, requests } = await stoppedInSetup(
      (_request, response) => {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end('{"error":"invalid_client"}');
      },
      (url) => ({
        ENGAGE_TOKEN_URL: `${url}/token`,
        ENGAGE_CLIENT_ID: 'client',
        ENGAGE_CLIENT_SECRET: 'refused-client-secret',
      }),
    );
    assert.match(
      output,
      new RegExp(
        `test aborted: the token endpoint ${url}/token answered HTTP 401 invalid_client: check ENGAGE_CLIENT_ID or ENGAGE_CLIENT_SECRET`,
      ),
    );
    assert.equal(requests.filter((request) => request.url?.includes('/appointments/')).length, 0);
    assert.ok(!output.includes('refused-client-secret'), 'the output holds the client secret');
  });

  it('a 200 without a token from the endpoint in setup(): the run stops in one line saying what the answer lacks', async () => {
    const { output, url } = await stoppedInSetup(
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"token_type":"Bearer"}');
      },
      (url) => ({ ENGAGE_TOKEN_URL: `${url}/token`, ENGAGE_CLIENT_ID: 'client', ENGAGE_CLIENT_SECRET: 'a-secret' }),
    );
    assert.match(
      output,
      new RegExp(`test aborted: the token endpoint ${url}/token gave no token: ${UNUSABLE_TOKEN_ANSWER}`),
    );
  });

  it('a token refresh the endpoint refuses mid-run: the VUs keep their token, retry, count it, and the run goes on', async () => {
    let grants = 0;
    const server = await startTinyServer((request, response) => {
      if (request.url?.startsWith('/token')) {
        grants++;
        response.writeHead(grants === 1 ? 200 : 503, { 'content-type': 'application/json' });
        response.end(JSON.stringify(grants === 1 ? { access_token: 'first-token', expires_in: 2 } : serverError));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(docs));
    });
    try {
      const { code, output, reports } = await runLookup(server.url, {
        ENGAGE_TOKEN_URL: `${server.url}/token`,
        ENGAGE_CLIENT_ID: 'client',
        ENGAGE_CLIENT_SECRET: 'client-secret',
        ENGAGE_LOAD_DURATION: '4s',
      });
      // The refused token requests fail no lookup: the lookups go on with the token the VUs hold,
      // and the run passes.
      assert.equal(code, 0, output);
      assert.doesNotMatch(output, /test aborted/);
      const summary = JSON.parse(readFileSync(join(reports, 'load', 'summary.json'), 'utf8'));
      assert.ok(summary.metrics.token_refresh_failures?.values.count >= 1, 'the failed refreshes are counted');
      assert.ok(summary.metrics.http_req_failed.values.passes >= 1, 'a refused token request is a failed request');
      assert.equal(summary.metrics['http_req_failed{name:appointment-by-id}'].values.rate, 0, 'but no failed lookup');
      assert.ok(grants >= 2, `${grants} token requests: the VUs tried again`);
      const lookups = summary.metrics['http_reqs{name:appointment-by-id,status:200}']?.values.count ?? 0;
      assert.ok(lookups >= 6, `${lookups} lookups answered 200 in 4 s at 2 a second`);
    } finally {
      await server.close();
    }
  });

  it('a 429 with Retry-After as an HTTP date: the VU waits until then, not the first back-off step of 0.5 s', async () => {
    const sentAt: number[] = [];
    const server = await startTinyServer((_request, response) => {
      sentAt.push(Date.now());
      // The readiness GET passes; the first lookup is rate limited until a whole second 2 to 3 s ahead.
      if (sentAt.length === 2) {
        const until = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000).toUTCString();
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': until });
        response.end(
          JSON.stringify({ errors: [{ message: 'slow down', code: 'RATE', type: 'RATE', statusCode: '429' }] }),
        );
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(docs));
    });
    try {
      // One VU, three lookups: the second follows the 429 on the same VU. The rate guard allows
      // --vus against a loopback target only when told.
      const { code, output, reports } = await runLookup(
        server.url,
        { ENGAGE_TOKEN: 'rate-limited-token', ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT: 'true' },
        ['--vus', '1', '--iterations', '3'],
      );
      // A 429 is a failed lookup: it fails its check, for its own reason, and counts as a failed request.
      assert.equal(code, 99, output);
      assert.match(output, /✖ checks rate>0\.99/);
      assert.match(output, /✖ http_req_failed\{name:appointment-by-id\} rate<0\.01/);
      assert.equal(failedLookupReasons(reports), 'rate limited (429) (1)');
      assert.equal(sentAt.length, 4, output);
      const [, limited = 0, next = 0] = sentAt;
      // Under the 8 s ceiling with room for a busy machine: a fixed long wait would not pass.
      const waited = next - limited;
      assert.ok(waited >= 1_950 && waited < 6_000, `the next lookup came ${waited} ms after the 429`);
    } finally {
      await server.close();
    }
  });

  it('a token endpoint behind a redirect, naming no expires_in: the token comes, and the hop is no failed request', async () => {
    const server = await startTinyServer((request, response) => {
      if (request.url === '/old/token') {
        response.writeHead(308, { location: '/token' });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      // RFC 6749 §5.1 only recommends expires_in: the token is taken to live a minute.
      const token = { access_token: 'moved-token', token_type: 'Bearer' };
      response.end(JSON.stringify(request.url === '/token' ? token : docs));
    });
    try {
      const { code, output, reports } = await runLookup(server.url, {
        ENGAGE_TOKEN_URL: `${server.url}/old/token`,
        ENGAGE_CLIENT_ID: 'client',
        ENGAGE_CLIENT_SECRET: 'client-secret',
      });
      assert.equal(code, 0, output);
      const summary = JSON.parse(readFileSync(join(reports, 'load', 'summary.json'), 'utf8'));
      assert.equal(summary.metrics.http_req_failed.values.rate, 0, 'no request counts as failed');
      assert.ok(
        server.requests.some((request) => request.url === '/old/token'),
        'the redirect was followed',
      );
    } finally {
      await server.close();
    }
  });

  it('a token endpoint that takes the client by HTTP Basic only, or in the form body only: the run passes, each refresh the way setup() found', async () => {
    const client = { clientId: 'one-way:client', clientSecret: 'its secret' };
    for (const way of CLIENT_AUTHENTICATIONS) {
      // A token of 2 s: the VUs refresh theirs during the run.
      const endpoint = oneWayTokenEndpoint(way, client, { access_token: `${way}-token`, expires_in: 2 });
      const server = await startTinyServer((request, response) => {
        if (request.url === '/token') return endpoint.answer(request, response);
        response.writeHead(request.headers.authorization === `Bearer ${way}-token` ? 200 : 401, {
          'content-type': 'application/json',
        });
        response.end(JSON.stringify(docs));
      });
      try {
        const { code, output } = await runLookup(server.url, {
          ENGAGE_TOKEN_URL: `${server.url}/token`,
          ENGAGE_CLIENT_ID: client.clientId,
          ENGAGE_CLIENT_SECRET: client.clientSecret,
          ENGAGE_LOAD_DURATION: '4s',
        });
        assert.equal(code, 0, output);
        const [first, ...later] = endpoint.ways;
        assert.equal(first, 'basic', `${way}: Basic first, the way every server must take`);
        // setup()'s own second request, in the body, is no refresh. A token of 2 s is refreshed after
        // 1.8 s: once in a run of 4 s, maybe not twice on a fast machine.
        const refreshes = way === 'basic' ? later.length : later.length - 1;
        assert.ok(refreshes >= 1, `${way}: ${refreshes} refreshed tokens: the VUs refreshed`);
        assert.deepEqual(
          later,
          later.map(() => way),
          `${way}: only the way the endpoint took, after setup() found it`,
        );
      } finally {
        await server.close();
      }
    }
  });

  it('a token endpoint that redirects to another origin: setup() stops in one line, the client secret sent nowhere else', async () => {
    const elsewhere = await startTinyServer((_request, response) => response.end('{}'));
    try {
      const { output, url, requests } = await stoppedInSetup(
        (_request, response) => {
          response.writeHead(307, { location: `${elsewhere.url}/token` });
          response.end();
        },
        (target) => ({
          ENGAGE_TOKEN_URL: `${target}/token`,
          ENGAGE_CLIENT_ID: 'client',
          ENGAGE_CLIENT_SECRET: 'redirected-secret',
        }),
      );
      assert.match(
        output,
        new RegExp(
          `test aborted: the token endpoint ${url}/token gave no token: it redirects to ${elsewhere.url}, another origin, where the client secret is not sent: set ENGAGE_TOKEN_URL to the token endpoint itself`,
        ),
      );
      assert.equal(requests.length, 1, 'the token request alone');
      assert.equal(elsewhere.requests.length, 0, 'nothing was sent to the other origin');
      assert.doesNotMatch(output, /redirected-secret/);
    } finally {
      await elsewhere.close();
    }
  });

  it('a token the target refuses: setup() stops the run in one line naming ENGAGE_TOKEN, the summary judging nothing', async () => {
    const { output, requests } = await stoppedInSetup(
      (_request, response) => {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end('{"errors":[]}');
      },
      () => ({ ENGAGE_TOKEN: 'refused-token' }),
    );
    assert.match(
      output,
      /test aborted: the target \S+ is not ready: GET appointment 123 got HTTP 401; the token was refused: check ENGAGE_TOKEN/,
    );
    assert.match(
      output,
      /^load: smoke against \S+: FAILED: stopped in setup\(\), before any load: the "test aborted" line of k6 says why$/m,
    );
    assert.match(output, /^ {4}– checks rate>0\.99 {2}\(not judged \(no samples\)\)$/m, 'k6 counts it as met');
    // The readiness GET, the one request, judges no failed request rate either.
    assert.match(
      output,
      /^ {4}– http_req_failed\{name:appointment-by-id\} rate<0\.01 {2}\(not judged \(no samples\)\)$/m,
    );
    assert.equal(requests.length, 1, 'the readiness GET alone');
  });

  it("k6's HTTP debug output, which prints the token, or redirects followed: setup() stops the run in one line before any request", async () => {
    for (const debug of [{ K6_HTTP_DEBUG: 'full' }, { K6_HTTP_DEBUG: 'headers' }]) {
      const { output, requests } = await stoppedInSetup(
        () => assert.fail('no request is sent'),
        () => ({ ENGAGE_TOKEN: 'debugged-token', ...debug }),
      );
      assert.match(
        output,
        new RegExp(
          `test aborted: k6's HTTP debug output \\(--http-debug, K6_HTTP_DEBUG=${debug.K6_HTTP_DEBUG}\\) would print every lookup's Authorization header`,
        ),
      );
      assert.doesNotMatch(output, /debugged-token/);
      assert.equal(requests.length, 0);
    }
    // Redirects followed (the shell's K6_MAX_REDIRECTS outranks the script's 0) would carry the token.
    const { output, requests } = await stoppedInSetup(
      () => assert.fail('no request is sent'),
      () => ({ ENGAGE_TOKEN: 'redirected-token', K6_MAX_REDIRECTS: '5' }),
    );
    assert.match(output, /test aborted: k6 was told to follow redirects \(--max-redirects, K6_MAX_REDIRECTS=5\)/);
    assert.equal(requests.length, 0);
  });

  it("thresholds given in place of the script's (K6_THRESHOLDS, blank or not), which would pass any run: setup() stops it before any request", async () => {
    for (const thresholds of ['', 'checks:rate>=0']) {
      const { output, requests } = await stoppedInSetup(
        () => assert.fail('no request is sent'),
        () => ({ ENGAGE_TOKEN: 'a-token', K6_THRESHOLDS: thresholds }),
      );
      assert.match(
        output,
        /test aborted: k6 was given thresholds in place of the load layer's \(K6_THRESHOLDS, or a config file\), so \d+ of them, \S+ .* first, are not judged: run without them/,
      );
      assert.equal(requests.length, 0);
    }
  });

  // The sandbox as an API gateway serves it (chunked answers, closed connections, other header case).
  describe('against the sandbox behind a gateway and a recording forwarder', () => {
    let sandbox: RunningSandbox;
    let gateway: GatewayProvider;
    let proxy: RecordingProxy;
    // A client of this test alone: its secret is in no source file, so any file or archive holding it leaked it.
    const client = { clientId: 'real-k6-client', clientSecret: `k6-secret-${randomUUID()}`, scopes: [...READ_SCOPES] };
    const credentials = { ENGAGE_CLIENT_ID: client.clientId, ENGAGE_CLIENT_SECRET: client.clientSecret };
    before(async () => {
      sandbox = await startSandbox({ tokenLifetimeSeconds: 2, clients: [client] });
      gateway = await startGatewayProvider(sandbox.url);
      proxy = await startRecordingProxy(gateway.url);
    });
    after(async () => {
      await proxy.close();
      await gateway.close();
      await sandbox.close();
    });
    const lookups = () => proxy.exchanges.filter((exchange) => exchange.path.includes('/appointments/'));

    it('client credentials: the token comes in setup() and is refreshed as it expires, with no 401', async () => {
      proxy.exchanges.length = 0;
      const { code, output, reports } = await runLookup(proxy.url, {
        ENGAGE_TOKEN_URL: `${proxy.url}/realms/acme/protocol/openid-connect/token`,
        ...credentials,
        ENGAGE_LOAD_DURATION: '5s',
      });
      assert.equal(code, 0, output);
      assert.ok(proxy.issuedTokens.length >= 3, `${proxy.issuedTokens.length} tokens issued in 5 s of 2 s tokens`);
      // k6 sends no Accept-Encoding, which lets a server use any coding: the gateway gzips, and k6 reads it.
      assert.ok(gateway.compressed() > 0, 'the gateway compressed answers k6 asked nothing of');
      assert.deepEqual(
        lookups().filter((exchange) => exchange.status !== 200),
        [],
      );
      // Token requests and lookups alike, as the suite's other layers send them.
      assert.deepEqual([...new Set(proxy.exchanges.map((exchange) => exchange.userAgent))], [SUITE_USER_AGENT]);
      // The documented headers, and what k6 adds of its own: no Accept, which costs k6 a few percent of
      // a lookup; a correlation id within the documented 36 characters, another for each request.
      assert.deepEqual([...new Set(lookups().flatMap((exchange) => exchange.headerNames))].sort(), [
        'accept-language',
        'authorization',
        'host',
        'user-agent',
        'x-correlation-id',
      ]);
      const correlationIds = lookups().map((exchange) => exchange.correlationId ?? '');
      assert.ok(
        correlationIds.every((id) => id.length >= 1 && id.length <= 36),
        correlationIds.join(' '),
      );
      assert.equal(new Set(correlationIds).size, correlationIds.length, 'each lookup its own correlation id');
      assertNoSecrets(reports, output, [client.clientSecret, ...proxy.issuedTokens]);
    });

    it('an archive built with no environment runs with its settings given when it runs', async () => {
      const folder = temporaryFolder('real-k6');
      const bare = await runK6(['archive', '-O', join(folder, 'bare.tar'), 'load/lookup.ts'], {});
      assert.equal(bare.code, 0, bare.output);
      // The profile is part of the options, which an archive keeps: a short one for this test.
      const built = await runK6(
        ['archive', '-e', 'ENGAGE_LOAD_DURATION=2s', '-O', join(folder, 'lookup.tar'), 'load/lookup.ts'],
        {},
      );
      assert.equal(built.code, 0, built.output);
      proxy.issuedTokens.length = 0;
      const { code, output } = await runK6(['run', '--no-usage-report', join(folder, 'lookup.tar')], {
        ENGAGE_BASE_URL: proxy.url,
        ENGAGE_ENTERPRISE: 'acme',
        ENGAGE_APPOINTMENT_IDS: '123,a-office-accepted',
        ENGAGE_TOKEN_URL: `${proxy.url}/realms/acme/protocol/openid-connect/token`,
        ...credentials,
        ENGAGE_REPORTS_DIR: folder,
      });
      assert.equal(code, 0, output);
      assert.match(output, /: passed$/m);
      assert.ok(proxy.issuedTokens.length > 0, 'the run fetched its token when it ran');
      // The archives carry the script's sources, and with them the sandbox's public, well-known
      // credentials (config/api-facts.ts); what the run was given and issued stays out of every file.
      assertNoSecrets(folder, output, [client.clientSecret, ...proxy.issuedTokens]);
    });

    it('an archive run without its settings stops in setup() with one line naming the variable', async () => {
      const folder = temporaryFolder('real-k6');
      await runK6(['archive', '-O', join(folder, 'lookup.tar'), 'load/lookup.ts'], {});
      // Run in the test's folder: with no ENGAGE_REPORTS_DIR the summaries go to the working directory.
      const { code, output } = await runK6(['run', '--no-usage-report', join(folder, 'lookup.tar')], {}, folder);
      assert.equal(code, 108, output);
      assert.deepEqual(
        readdirSync(folder).filter((file) => file.startsWith('load-')),
        ['load-junit.xml', 'load-summary.html', 'load-summary.json', 'load-summary.md'],
      );
      assert.match(output, /test aborted: ENGAGE_BASE_URL is required/);
      assert.match(output, /FAILED: stopped in setup\(\), before any load/);
    });

    it('an archive built with the ids file alone packs it: it runs once the file is gone, with no secret in it', async () => {
      const folder = temporaryFolder('real-k6');
      const file = join(folder, 'ids.json');
      writeFileSync(file, '["a-office-accepted"]');
      const archive = join(folder, 'lookup.tar');
      const built = await runK6(
        [
          'archive',
          '-e',
          `ENGAGE_APPOINTMENT_IDS_FILE=${file}`,
          '-e',
          'ENGAGE_LOAD_DURATION=2s',
          '-O',
          archive,
          'load/lookup.ts',
        ],
        {},
      );
      assert.equal(built.code, 0, built.output);
      rmSync(file);
      proxy.exchanges.length = 0;
      const { code, output } = await runK6(['run', '--no-usage-report', archive], {
        ENGAGE_BASE_URL: proxy.url,
        ENGAGE_ENTERPRISE: 'acme',
        ENGAGE_TOKEN: SANDBOX_DEFAULTS.token,
        ENGAGE_REPORTS_DIR: folder,
      });
      assert.equal(code, 0, output);
      assert.deepEqual(
        [...new Set(lookups().map((exchange) => exchange.path))],
        [appointmentPath('acme', 'a-office-accepted')],
      );
    });

    it('an ids file: each id in it looked up, a number as its text; one that cannot be read stops setup() in one line', async () => {
      const folder = temporaryFolder('real-k6');
      const file = join(folder, 'ids.json');
      writeFileSync(file, '[123, "a-office-accepted"]');
      const withFile = (idsFile: string) =>
        runLookup(proxy.url, {
          ENGAGE_TOKEN: SANDBOX_DEFAULTS.token,
          // npm run load always sets the list too: the file wins.
          ENGAGE_APPOINTMENT_IDS: 'not-in-the-file',
          ENGAGE_APPOINTMENT_IDS_FILE: idsFile,
          ENGAGE_LOAD_DURATION: '2s',
        });
      proxy.exchanges.length = 0;
      const { code, output } = await withFile(file);
      assert.equal(code, 0, output);
      assert.deepEqual([...new Set(lookups().map((exchange) => exchange.path))].sort(), [
        appointmentPath('acme', '123'),
        appointmentPath('acme', 'a-office-accepted'),
      ]);
      const missing = await withFile(join(folder, 'missing.json'));
      assert.equal(missing.code, 108, missing.output);
      assert.match(missing.output, /test aborted: ENGAGE_APPOINTMENT_IDS_FILE \S+missing\.json cannot be read/);
      assert.doesNotMatch(missing.output, /at file:/);
    });

    it('two execution segments, 0:1/2 and 1/2:1, together send the profile arrivals once', async () => {
      proxy.exchanges.length = 0;
      const segment = (range: string) =>
        runLookup(proxy.url, { ENGAGE_TOKEN: SANDBOX_DEFAULTS.token, ENGAGE_LOAD_DURATION: '4s' }, [
          '--execution-segment',
          range,
          '--execution-segment-sequence',
          '0,1/2,1',
        ]);
      const runs = await Promise.all([segment('0:1/2'), segment('1/2:1')]);
      for (const run of runs) assert.equal(run.code, 0, run.output);
      // setup() of each instance makes one lookup without Accept-Language; the iterations rotate languages.
      assert.equal(lookups().filter((exchange) => exchange.acceptLanguage === undefined).length, 2);
      const arrivals = lookups().filter((exchange) => exchange.acceptLanguage !== undefined).length;
      // smoke: 2 arrivals a second for 4 s, not twice that; on a busy machine k6 may drop the last one.
      assert.ok(arrivals === 8 || arrivals === 7, `${arrivals} arrivals`);
    });
  });
});
