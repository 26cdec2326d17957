// Proves the end-of-test files (JUnit per threshold, Markdown for CI job summaries) from a k6
// summary, with no setup data in any of them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderHtml, renderJUnit, renderMarkdown, renderText, summaryOutputs } from './summary-reports.ts';

const summary = {
  state: { testRunDurationMs: 15_250 },
  metrics: {
    http_reqs: { type: 'counter', values: { count: 30, rate: 2 } },
    'http_reqs{name:appointment-by-id,status:200}': { type: 'counter', values: { count: 28, rate: 1.9 } },
    'http_req_duration{name:appointment-by-id,status:200}': {
      type: 'trend',
      values: { med: 3.2, 'p(95)': 7.9, 'p(99)': 12.4 },
    },
    http_req_failed: {
      type: 'rate',
      values: { rate: 0, passes: 0, fails: 30 },
      thresholds: { 'rate<0.01': { ok: true } },
    },
    'http_req_failed{name:appointment-by-id}': { type: 'rate', values: { rate: 0, passes: 0, fails: 28 } },
    checks: {
      type: 'rate',
      values: { rate: 0.9, passes: 27, fails: 3 },
      thresholds: { 'rate>0.99': { ok: false }, 'rate>0.5': { ok: true } },
    },
    rate_limited_responses: { type: 'counter', values: { count: 2 } },
    dropped_iterations: { type: 'counter', values: { count: 3 } },
    // Every failed check a 200 whose body failed it.
    lookup_bad_bodies: { type: 'counter', values: { count: 3 } },
  },
};
/** The run as lookup.ts describes it: checks have an objective and a threshold that ends the run. */
const run = {
  profile: 'smoke',
  target: 'http://127.0.0.1:1',
  thresholds: {
    checks: ['rate>0.99', { threshold: 'rate>0.5', abortOnFail: true, delayAbortEval: '10s' }],
    http_req_failed: ['rate<0.01'],
  },
};

describe('the summary files', () => {
  it('hold one JUnit test case per threshold, failing where it was crossed', () => {
    const xml = renderJUnit(summary, run);
    assert.match(xml, /<testsuites tests="3" failures="1" skipped="0" time="15\.250">/);
    assert.match(xml, /<testcase classname="k6\.thresholds" name="http_req_failed: rate&lt;0\.01"\/>/);
    assert.match(xml, /name="checks: rate&gt;0\.99"><failure message="crossed"\/>/);
  });
  it('summarise the run in Markdown, with the verdict first', () => {
    const markdown = renderMarkdown(summary, run);
    assert.match(markdown, /^## Load: smoke against http:\/\/127\.0\.0\.1:1 — FAILED/);
    assert.match(markdown, /\| lookup latency \(200s\) p50 \/ p95 \/ p99 \| 3\.2 ms \/ 7\.9 ms \/ 12\.4 ms \|/);
    assert.match(markdown, /\| rate limited \(429\) \| 2 \|/);
    assert.match(markdown, /\| lookups not sent, every VU busy \| 3 \|/);
    // With its counts: in a short run one failed lookup is a few percent. Lookups only: 28 of 30 requests.
    assert.match(markdown, /\| lookups not answered 200 \| 0\.00 % \(0 of 28\) \|/);
    assert.match(markdown, /\| 200s whose body failed the check \| 3 \|/);
    assert.match(markdown, /\| `checks` `rate>0\.99` \| 90\.00 % \| −9\.00 % \| crossed \|/);
    assert.match(markdown, /\| `http_req_failed` `rate<0\.01` \| 0\.00 % \| \+1\.00 % \| met \|/);
    assert.match(markdown, /\| `checks` `rate>0\.5`, aborts the run when crossed \| 90\.00 % \| \+40\.00 % \| met \|/);
  });
  it('print a text summary with the figures and each threshold', () => {
    const text = renderText(summary, run, ['a.json']);
    assert.match(text, /^load: smoke against http:\/\/127\.0\.0\.1:1: FAILED$/m);
    assert.match(text, /lookup latency \(200s\) p50 \/ p95 \/ p99 {2}3\.2 ms \/ 7\.9 ms \/ 12\.4 ms/);
    assert.match(text, /✔ http_req_failed rate<0\.01 {2}\(seen 0\.00 %, margin \+1\.00 %\)$/m);
    assert.match(text, /✖ checks rate>0\.99 {2}\(seen 90\.00 %, margin −9\.00 %\) {2}crossed$/m);
    assert.match(text, /✔ checks rate>0\.5, aborts the run when crossed {2}\(seen 90\.00 %, margin \+40\.00 %\)$/m);
  });
  it('give each threshold its value and margin in the unit of its metric, in the HTML fragment too', () => {
    const withLatency = {
      ...summary,
      metrics: {
        ...summary.metrics,
        'http_req_duration{name:appointment-by-id,status:200}': {
          type: 'trend',
          values: { 'p(95)': 7.9 },
          thresholds: { 'p(95)<500': { ok: true } },
        },
        'http_reqs{name:appointment-by-id,status:200}': {
          type: 'counter',
          values: { count: 28 },
          thresholds: { 'count>0': { ok: true } },
        },
      },
    };
    const html = renderHtml(withLatency, { ...run, target: 'http://127.0.0.1:1/<x>' });
    assert.match(html, /^<h3>Load: smoke against http:\/\/127\.0\.0\.1:1\/&lt;x&gt;: FAILED<\/h3>/);
    assert.match(html, /<td>p\(95\)&lt;500<\/td><td>7\.9&nbsp;ms<\/td><td>\+492\.1&nbsp;ms<\/td><td>met<\/td>/);
    assert.match(html, /<td>count&gt;0<\/td><td>28<\/td><td>\+28<\/td>/);
    assert.match(html, /<tr class="failed"><td>checks<\/td>/);
    assert.match(html, /<td>rate&gt;0\.5, aborts the run when crossed<\/td>/);
  });
  it('go under <reports>/load/, or into the working directory for a bare k6 run, never with setup_data', () => {
    const withToken = { ...summary, setup_data: { token: 'secret-in-setup-data' } };
    const outputs = summaryOutputs(withToken, run, 'reports');
    assert.deepEqual(Object.keys(outputs), [
      'stdout',
      'reports/load/summary.json',
      'reports/load/junit.xml',
      'reports/load/summary.md',
      'reports/load/summary.html',
    ]);
    assert.deepEqual(Object.keys(summaryOutputs(summary, run, undefined)).slice(1), [
      'load-summary.json',
      'load-junit.xml',
      'load-summary.md',
      'load-summary.html',
    ]);
    assert.doesNotMatch(Object.values(outputs).join('\n'), /secret-in-setup-data/);
  });
  it('list the thresholds in the order they were given, whatever order k6 wrote them in', () => {
    const text = renderText(summary, run, []);
    const order = [...text.matchAll(/^ {4}. (\S+ \S+?),? /gm)].map((match) => match[1]);
    assert.deepEqual(order, ['checks rate>0.99', 'checks rate>0.5', 'http_req_failed rate<0.01']);
  });
  it('show a threshold whose metric had no samples as not judged, though k6 counts it as met', () => {
    const stopped = {
      metrics: {
        'http_req_duration{name:appointment-by-id,status:200}': {
          type: 'trend',
          values: { 'p(95)': 0, count: 0 },
          thresholds: { 'p(95)<500': { ok: true } },
        },
        checks: { type: 'rate', values: { rate: 0, passes: 0, fails: 0 }, thresholds: { 'rate>0.99': { ok: true } } },
      },
    };
    const text = renderText(stopped, run, []);
    assert.match(text, /^load: smoke against http:\/\/127\.0\.0\.1:1: FAILED: no lookup answered 200$/m);
    assert.match(text, /^ {4}– checks rate>0\.99 {2}\(not judged \(no samples\)\)$/m);
    assert.match(
      text,
      /^ {4}– http_req_duration\{name:appointment-by-id,status:200\} p\(95\)<500 {2}\(not judged \(no samples\)\)$/m,
    );
    assert.doesNotMatch(text, /✔/);
    assert.match(
      renderMarkdown(stopped, run),
      /\| `checks` `rate>0\.99` \| n\/a \| n\/a \| not judged \(no samples\) \|/,
    );
    const junit = renderJUnit(stopped, run);
    assert.match(junit, /name="checks: rate&gt;0\.99"><skipped message="not judged \(no samples\)"\/>/);
    assert.match(junit, /<testsuites tests="2" failures="0" skipped="2" /);
    // Without the trend's count (other trend stats given): all zeros is no sample.
    const withoutCount = structuredClone(stopped);
    delete (withoutCount.metrics['http_req_duration{name:appointment-by-id,status:200}'].values as { count?: number })
      .count;
    assert.match(
      renderText(withoutCount, run, []),
      /^ {4}– http_req_duration\S+ p\(95\)<500 {2}\(not judged \(no samples\)\)$/m,
    );
  });
  it('of a run setup() stopped say so, judge no threshold, and fail the JUnit suite by setup(), not by a threshold', () => {
    // The readiness GET alone failed: without setup_data, it judges no failed request rate.
    const readinessOnly = {
      metrics: {
        http_req_failed: {
          type: 'rate',
          values: { rate: 1, passes: 1, fails: 0 },
          thresholds: { 'rate<0.01': { ok: false } },
        },
        checks: { type: 'rate', values: { rate: 0, passes: 0, fails: 0 }, thresholds: { 'rate>0.99': { ok: true } } },
      },
    };
    const outputs = summaryOutputs(readinessOnly, run, 'reports');
    assert.match(
      outputs.stdout as string,
      /^load: smoke against \S+: FAILED: stopped in setup\(\), before any load: the "test aborted" line of k6 says why$/m,
    );
    assert.match(outputs.stdout as string, /^ {4}– http_req_failed rate<0\.01 {2}\(not judged \(no samples\)\)$/m);
    assert.equal(JSON.parse(outputs['reports/load/summary.json'] as string).setup_completed, false);
    const junit = outputs['reports/load/junit.xml'] as string;
    assert.match(junit, /<testsuites tests="3" failures="1" skipped="2"/);
    assert.match(
      junit,
      /<testcase classname="k6.setup" name="setup\(\): the target is ready"><failure message="stopped in setup\(\), before any load: the &quot;test aborted&quot; line of k6 says why"\/>/,
    );
    const completed = (data: object) =>
      JSON.parse(summaryOutputs(data as typeof readinessOnly, run, 'reports')['reports/load/summary.json'] as string)
        .setup_completed;
    assert.equal(completed({ ...readinessOnly, setup_data: {} }), true);
    // Lookups made without setup_data here: setup() ran elsewhere, as for a pod of a distributed run.
    const lookups = { type: 'rate', values: { rate: 0, passes: 0, fails: 30 } };
    assert.equal(completed({ metrics: { ...readinessOnly.metrics, checks: lookups } }), true);
  });
});
