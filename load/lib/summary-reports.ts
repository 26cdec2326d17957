// Turns k6's end-of-test summary data into the files a pipeline reads: the raw JSON, JUnit XML with a
// test case per threshold, and a Markdown summary for CI job summaries.

export interface SummaryMetric {
  type: string;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

export interface SummaryData {
  metrics: Record<string, SummaryMetric>;
  state?: { testRunDurationMs?: number };
}

export interface ThresholdOutcome {
  metric: string;
  threshold: string;
  ok: boolean;
}

export function thresholdOutcomes(data: SummaryData): ThresholdOutcome[] {
  return Object.entries(data.metrics).flatMap(([metric, { thresholds }]) =>
    Object.entries(thresholds ?? {}).map(([threshold, { ok }]) => ({ metric, threshold, ok })),
  );
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderJUnit(data: SummaryData, profile: string): string {
  const outcomes = thresholdOutcomes(data);
  const failures = outcomes.filter((outcome) => !outcome.ok).length;
  const seconds = ((data.state?.testRunDurationMs ?? 0) / 1000).toFixed(3);
  const cases = outcomes.map(({ metric, threshold, ok }) => {
    const name = escapeXml(`${metric}: ${threshold}`);
    return ok
      ? `    <testcase classname="k6.thresholds" name="${name}"/>`
      : `    <testcase classname="k6.thresholds" name="${name}"><failure message="threshold crossed"/></testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${outcomes.length}" failures="${failures}" time="${seconds}">`,
    `  <testsuite name="k6 ${escapeXml(profile)} thresholds" tests="${outcomes.length}" failures="${failures}" time="${seconds}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

const milliseconds = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);
const percent = (value: number | undefined) => (value === undefined ? 'n/a' : `${(value * 100).toFixed(2)} %`);

export function renderMarkdown(data: SummaryData, profile: string, target: string): string {
  const metric = (name: string) => data.metrics[name]?.values ?? {};
  const latency = metric('lookup_duration');
  const outcomes = thresholdOutcomes(data);
  const passed = outcomes.every((outcome) => outcome.ok);
  return [
    `## Load: ${profile} against ${target} — ${passed ? 'passed' : 'FAILED'}`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| lookups | ${metric('http_reqs').count ?? 0} (${(metric('http_reqs').rate ?? 0).toFixed(1)}/s) |`,
    `| lookup latency p50 / p95 / p99 | ${milliseconds(latency.med)} / ${milliseconds(latency['p(95)'])} / ${milliseconds(latency['p(99)'])} |`,
    `| failed requests | ${percent(metric('http_req_failed').rate)} |`,
    `| checks passed | ${percent(metric('checks').rate)} |`,
    `| rate-limited (429) | ${metric('rate_limited_responses').count ?? 0} |`,
    '',
    '| threshold | result |',
    '| --- | --- |',
    ...outcomes.map(
      ({ metric: name, threshold, ok }) => `| \`${name}\` \`${threshold}\` | ${ok ? 'passed' : 'FAILED'} |`,
    ),
    '',
  ].join('\n');
}

/** The files handleSummary writes, keyed by path as k6 expects. */
export function summaryFiles(
  data: SummaryData,
  profile: string,
  target: string,
  reportsDirectory: string,
): Record<string, string> {
  const folder = `${reportsDirectory}/load`;
  return {
    [`${folder}/summary.json`]: JSON.stringify(data, null, 2),
    [`${folder}/junit.xml`]: renderJUnit(data, profile),
    [`${folder}/summary.md`]: renderMarkdown(data, profile, target),
  };
}
