// Proves how npm start's summary reads Playwright's JSON report (counts, skip reasons, and each
// failure as the check's own problem lines, without Playwright's diff, colours or stack) and k6's
// summary (each threshold met or crossed).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { inReports, REPORT_FILES } from '../../config/report-paths.ts';
import { LOOKUP_COUNT_METRIC, LOOKUP_LATENCY_METRIC } from '../../load/load-layer.ts';
import { temporaryFolder } from '../../testing/temporary-folder.ts';
import { readLayerFindings } from './layer-findings.ts';

/** A line of k6's --out json file: `value` lookups failed for `reason`. */
const problem = (reason: string, value = 1) =>
  JSON.stringify({
    type: 'Point',
    metric: 'lookup_problems',
    data: { time: '2026-01-01T00:00:00Z', value, tags: { problem: reason } },
  });

/** A reports folder holding `content` as the file `file` (one of REPORT_FILES), for one reading. */
function reportsWith(file: string, content: object): string {
  const reports = temporaryFolder('findings');
  const path = inReports(reports, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(content));
  return reports;
}

const playwrightError = [
  'Error: GET: data.id is "123-other", expected the requested "123"',
  '',
  '\u001b[2mexpect(\u001b[22m\u001b[31mreceived\u001b[39m\u001b[2m).\u001b[22mtoEqual\u001b[2m(\u001b[22m\u001b[32mexpected\u001b[39m\u001b[2m) // deep equality',
  '',
  '\u001b[32m- Expected  - 1\u001b[39m',
  '\u001b[31m+ Received  + 3\u001b[39m',
  '',
  '- Array []',
  '    at /work/e2e/appointment.spec.ts:31:7',
].join('\n');
// A bare expect(), with no message of its own: the line of what it expected says it.
const bareExpectError = [
  'Error: expect(received).toBeUndefined()',
  '',
  'Received: "the target did not answer"',
  '    at /work/e2e/z-target.spec.ts:9:5',
].join('\n');

it('reads counts, skip reasons and failures, named with their describe blocks, without Playwright diff, colours or stack', () => {
  const test = (status: string, extra: object = {}) => ({ status, results: [{}], ...extra });
  const reports = reportsWith(REPORT_FILES.e2eResults, {
    suites: [
      {
        title: 'appointment.spec.ts',
        suites: [
          {
            // A describe block: its title names the failure, since each appointment has the same checks.
            title: 'GET appointment 124',
            specs: [
              {
                title: 'is the appointment that was asked for',
                tests: [test('unexpected', { results: [{ error: { message: playwrightError } }] })],
              },
            ],
          },
        ],
        specs: [
          { title: 'answers 200 with JSON', tests: [test('expected')] },
          {
            title: 'the target answers',
            tests: [test('unexpected', { results: [{ error: { message: bareExpectError } }] })],
          },
          {
            title: 'resolves each translatable value',
            tests: [test('skipped', { annotations: [{ type: 'skip', description: 'blocked by: the id' }] })],
          },
        ],
      },
    ],
  });
  const { e2e } = readLayerFindings(reports);
  assert.equal(e2e?.passed, 1);
  assert.equal(e2e?.failed, 2);
  assert.deepEqual(e2e?.skippedBy, { 'blocked by: the id': 1 });
  // A file's own checks come before those in its describe blocks, as Playwright reports them.
  assert.deepEqual(e2e?.failures, [
    { check: 'the target answers', message: 'expect(received).toBeUndefined()' },
    {
      check: 'GET appointment 124 › is the appointment that was asked for',
      message: 'GET: data.id is "123-other", expected the requested "123"',
    },
  ]);
});

it('says a check that failed the same way for several appointments once, naming the others', () => {
  const failing = (id: string, message: string) => ({
    title: `GET appointment ${id}`,
    specs: [
      {
        title: 'has a body that matches the schema',
        tests: [{ status: 'unexpected', results: [{ error: { message } }] }],
      },
    ],
  });
  const enumError = 'expected the body to match appointment-response.schema.json; 1 violation(s):';
  const ids = ['123', 'a', 'b', 'c', 'd'];
  const reports = reportsWith(REPORT_FILES.e2eResults, {
    suites: [
      {
        title: 'appointment.spec.ts',
        suites: [
          ...ids.map((id) => failing(id, enumError)),
          failing('e', 'a different problem'),
          // The same first lines, a different fifth: not the same failure.
          failing('f', `${enumError}\n2\n3\n4\n5 differs`),
        ],
      },
    ],
  });
  const { e2e } = readLayerFindings(reports);
  assert.equal(e2e?.failed, 7, 'each failure still counts');
  assert.deepEqual(e2e?.failures, [
    {
      check: 'GET appointment 123 › has a body that matches the schema',
      message: `${enumError} (the same for GET appointment a, GET appointment b, GET appointment c, and 1 more)`,
    },
    { check: 'GET appointment e › has a body that matches the schema', message: 'a different problem' },
    { check: 'GET appointment f › has a body that matches the schema', message: `${enumError} 2 3 4` },
  ]);
});

it('counts a flaky check (failed, then passed on its retry) as failed, with the first error', () => {
  const reports = reportsWith(REPORT_FILES.e2eResults, {
    suites: [
      {
        title: 'translations.spec.ts',
        specs: [
          {
            title: 'answers in the asked language',
            tests: [{ status: 'flaky', results: [{ error: { message: 'subject is in en, expected de' } }, {}] }],
          },
          { title: 'passes', tests: [{ status: 'expected', results: [{}] }] },
        ],
      },
    ],
  });
  const { e2e } = readLayerFindings(reports);
  assert.deepEqual([e2e?.passed, e2e?.failed], [1, 1]);
  assert.deepEqual(e2e?.failures, [
    {
      check: 'answers in the asked language',
      message: 'flaky, failed then passed on its retry: subject is in en, expected de',
    },
  ]);
});

it('says skips of several appointments blocked the same way once, naming the appointments, with their counts added', () => {
  const skippedBy = (reason: string, times: number) => ({
    title: 'a describe block',
    specs: Array.from({ length: times }, (_, index) => ({
      title: `check ${index}`,
      tests: [{ status: 'skipped', results: [{}], annotations: [{ type: 'skip', description: reason }] }],
    })),
  });
  const schema = 'the body does not match the schema: /data/status: must be one of …';
  const reports = reportsWith(REPORT_FILES.e2eResults, {
    suites: [
      {
        title: 'appointment.spec.ts',
        suites: [
          ...['123', 'a', 'b', 'c'].map((id) => skippedBy(`blocked by: GET appointment ${id}: ${schema}`, 2)),
          skippedBy('blocked by: GET appointment d: HTTP 404, expected 200', 1),
          skippedBy('neither ENGAGE_NO_SCOPE_TOKEN nor ENGAGE_NO_SCOPE_CLIENT_ID is set', 1),
        ],
      },
    ],
  });
  assert.deepEqual(readLayerFindings(reports).e2e?.skippedBy, {
    // A reason of one check alone names it.
    'a describe block › check 0: neither ENGAGE_NO_SCOPE_TOKEN nor ENGAGE_NO_SCOPE_CLIENT_ID is set': 1,
    [`blocked by: GET appointment 123, a and 2 more: ${schema}`]: 8,
    'blocked by: GET appointment d: HTTP 404, expected 200': 1,
  });
});

it("counts k6's thresholds as the load layer's results: met, crossed (with the value seen, and why lookups failed) or not judged", () => {
  const reports = reportsWith(REPORT_FILES.loadSummary, {
    metrics: {
      checks: {
        type: 'rate',
        values: { rate: 0.4, passes: 12, fails: 18 },
        // Both checks thresholds crossed: the reasons are said once, with the first.
        thresholds: { 'rate>0.99': { ok: false }, 'rate>0.5': { ok: false } },
      },
      // A metric with no samples (one a user's own threshold names, say): k6 says its threshold is
      // met, though nothing was judged.
      custom_rate: {
        type: 'rate',
        values: { rate: 0, passes: 0, fails: 0 },
        thresholds: { 'rate<0.01': { ok: true } },
      },
      http_reqs: { type: 'counter', values: { count: 30 } },
    },
  });
  // The reasons lookups failed, from k6's --out json file.
  writeFileSync(
    inReports(reports, REPORT_FILES.loadMetrics),
    gzipSync(
      [
        problem('HTTP 500'),
        problem('200 body: status must be one of ACCEPTED, CANCELLED'),
        problem('200 body: status must be one of ACCEPTED, CANCELLED'),
      ].join('\n'),
    ),
  );
  assert.deepEqual(readLayerFindings(reports).load, {
    passed: 0,
    failed: 2,
    skipped: 1,
    failures: [
      {
        check: 'checks rate>0.99',
        message:
          'crossed: seen 40.00 %, margin −59.00 %; failed lookups: 200 body: status must be one of ACCEPTED, CANCELLED (2), HTTP 500 (1)',
      },
      { check: 'checks rate>0.5', message: 'crossed: seen 40.00 %, margin −10.00 %' },
    ],
    skippedBy: { 'threshold not judged (no samples)': 1 },
    counted: 'thresholds',
  });
});

it('names why lookups failed beside a crossed bad-body threshold, the checks within their budget', () => {
  const reports = reportsWith(REPORT_FILES.loadSummary, {
    metrics: {
      checks: {
        type: 'rate',
        values: { rate: 0.995, passes: 199, fails: 1 },
        thresholds: { 'rate>0.99': { ok: true } },
      },
      lookup_bad_bodies: { type: 'counter', values: { count: 1 }, thresholds: { 'count==0': { ok: false } } },
    },
  });
  writeFileSync(
    inReports(reports, REPORT_FILES.loadMetrics),
    gzipSync(problem('200 body: data.id is not the id asked for')),
  );
  assert.deepEqual(readLayerFindings(reports).load?.failures, [
    {
      check: 'lookup_bad_bodies count==0',
      message: 'crossed: seen 1, margin n/a; failed lookups: 200 body: data.id is not the id asked for (1)',
    },
  ]);
});

it('gives what npm run load said 429s may mean beside the failed lookups, since a CI job summary shows no console', () => {
  const hint =
    'the target answered 429 to 3 lookups sent under the documented rate limit (…): give it in ENGAGE_LOAD_RATE_LIMIT_PER_MINUTE and ENGAGE_LOAD_RATE_LIMIT_CONCURRENT';
  const reports = reportsWith(REPORT_FILES.loadSummary, {
    metrics: {
      checks: { type: 'rate', values: { rate: 0.9, passes: 27, fails: 3 }, thresholds: { 'rate>0.99': { ok: false } } },
    },
    rate_limit_hint: hint,
  });
  writeFileSync(inReports(reports, REPORT_FILES.loadMetrics), gzipSync(problem('rate limited (429)', 3)));
  assert.deepEqual(readLayerFindings(reports).load?.failures, [
    {
      check: 'checks rate>0.99',
      message: `crossed: seen 90.00 %, margin −9.00 %; failed lookups: rate limited (429) (3); ${hint}`,
    },
  ]);
});

it('names why setup() stopped a load run as its failure, from summary.json, its thresholds not judged', () => {
  const reports = reportsWith(REPORT_FILES.loadSummary, {
    metrics: {
      checks: { type: 'rate', values: { rate: 0, passes: 0, fails: 0 }, thresholds: { 'rate>0.99': { ok: true } } },
    },
    setup_completed: false,
    setup_stop_reason: 'the target http://api.test is not ready: GET appointment 123 got HTTP 503 (3 tries)',
  });
  const load = readLayerFindings(reports).load;
  assert.deepEqual(load?.failures, [
    {
      check: 'setup(): the target is ready',
      message:
        'stopped in setup(), before any load: the target http://api.test is not ready: GET appointment 123 got HTTP 503 (3 tries)',
    },
  ]);
  assert.deepEqual([load?.passed, load?.failed, load?.skipped], [0, 0, 1]);
  // Without the reason (k6's line was not found in its output), the log that holds it is named.
  const unread = reportsWith(REPORT_FILES.loadSummary, { metrics: {}, setup_completed: false });
  assert.deepEqual(readLayerFindings(unread).load?.failures, [
    {
      check: 'setup(): the target is ready',
      message: `stopped in setup(), before any load: k6's log says why (${unread}/logs/load.log)`,
    },
  ]);
});

it("gives the load layer's lookup latency for the report's latency section, only when lookups were answered 200", () => {
  const summary = (count: number) => ({
    metrics: {
      [LOOKUP_COUNT_METRIC]: { type: 'counter', values: { count } },
      [LOOKUP_LATENCY_METRIC]: { type: 'trend', values: { count, med: 2, 'p(95)': 3.25, 'p(99)': 4 } },
    },
  });
  assert.deepEqual(readLayerFindings(reportsWith(REPORT_FILES.loadSummary, summary(31))).load?.latency, [
    'lookups answered 200 (31), p50 / p95 / p99: 2.0 ms / 3.3 ms / 4.0 ms, p95 objective 500 ms',
  ]);
  assert.equal(readLayerFindings(reportsWith(REPORT_FILES.loadSummary, summary(0))).load?.latency, undefined);
});
