// Reads what each layer found from its own machine-readable output, never its console text:
// Playwright's JSON report, the Pact verification findings, and the k6 summary JSON.
import { existsSync, readFileSync } from 'node:fs';
import { FIRST_FAILURES, type LayerFindings, THRESHOLD_RESULT } from '../../config/layer-outcome.ts';
import { inReports, layerLog, REPORT_FILES } from '../../config/report-paths.ts';
import {
  failedLookupReasons,
  LOOKUP_COUNT_METRIC,
  LOOKUP_OUTCOME_METRICS,
  lookupLatency,
  lookupThresholds,
  SETUP_CHECK,
  SETUP_STOPPED,
  type SummaryData,
  thresholdOutcomes,
} from '../../load/load-layer.ts';
import slo from '../../slo.json' with { type: 'json' };
import { withoutColourCodes } from '../run-layer.ts';

const readJson = (file: string): unknown => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

interface PlaywrightSuite {
  specs?: Array<{
    title: string;
    tests: Array<{
      status: string;
      annotations?: Array<{ type: string; description?: string }>;
      results: Array<{ error?: { message?: string }; annotations?: Array<{ type: string; description?: string }> }>;
    }>;
  }>;
  suites?: PlaywrightSuite[];
  title?: string;
}

/**
 * The lines of a Playwright error that say what was wrong: the check's own problems come first, and
 * everything from Playwright's `expect(...)` line on (its diff of the problem list, the stack) goes.
 */
function errorText(message: string | undefined): string {
  const lines = withoutColourCodes(message ?? '')
    .split('\n')
    .map((line) => line.trim());
  const end = lines.findIndex((line) => /^(Error: )?expect\(/.test(line) || line.startsWith('at '));
  const own = (end === -1 ? lines : lines.slice(0, end)).filter((line) => line !== '');
  // A bare expect() has no lines of its own: its first line (what it expected) says it then.
  return (own.length > 0 ? own : lines.filter((line) => line !== '').slice(0, 1))
    .slice(0, 4)
    .join(' ')
    .replace(/^Error: /, '');
}

/** A failed e2e check: the describe blocks around it, its title, and what was wrong. */
interface E2eFailure {
  path: string[];
  title: string;
  message: string;
  /** Playwright's whole error: failures are the same only when it is. */
  fullMessage: string;
}

/**
 * The first failures, each said once: a check that failed the same way for several appointments (the
 * same title and message under sibling describe blocks) is one failure that names the others.
 */
function firstFailures(failures: E2eFailure[]): LayerFindings['failures'] {
  const groups = new Map<string, E2eFailure[]>();
  for (const failure of failures) {
    const key = JSON.stringify([failure.path.slice(0, -1), failure.title, failure.fullMessage]);
    groups.set(key, [...(groups.get(key) ?? []), failure]);
  }
  return [...groups.values()].slice(0, FIRST_FAILURES).map(([first, ...others]) => {
    const { path, title, message } = first as E2eFailure;
    const named = others.slice(0, 3).map((other) => other.path.at(-1));
    const more = others.length > named.length ? `, and ${others.length - named.length} more` : '';
    const same = others.length === 0 ? '' : ` (the same for ${named.join(', ')}${more})`;
    return { check: [...path, title].join(' › '), message: `${message}${same}` };
  });
}

/**
 * Skip reasons, with those of several appointments blocked the same way said once: "blocked by: GET
 * appointment 123, a-office-accepted and 3 more: the body does not match the schema: …" (the counts added).
 */
function groupedSkipReasons(skippedBy: Record<string, number>): Record<string, number> {
  const groups = new Map<string, { ids: string[]; count: number }>();
  const grouped: Record<string, number> = {};
  for (const [reason, count] of Object.entries(skippedBy)) {
    const blocked = /^blocked by: GET appointment (\S+): ([\s\S]*)$/.exec(reason);
    if (blocked === null) {
      grouped[reason] = count;
      continue;
    }
    const [, id, why] = blocked as unknown as [string, string, string];
    const group = groups.get(why) ?? { ids: [], count: 0 };
    group.ids.push(id);
    group.count += count;
    groups.set(why, group);
  }
  for (const [why, { ids, count }] of groups) {
    const named = ids.length > 3 ? `${ids.slice(0, 2).join(', ')} and ${ids.length - 2} more` : ids.join(', ');
    grouped[`blocked by: GET appointment ${named}: ${why}`] = count;
  }
  return grouped;
}

function e2eFindings(reports: string): LayerFindings | undefined {
  const report = readJson(inReports(reports, REPORT_FILES.e2eResults)) as { suites?: PlaywrightSuite[] } | undefined;
  if (report === undefined) return undefined;
  const findings: LayerFindings = { passed: 0, failed: 0, skipped: 0, failures: [], skippedBy: {}, latency: [] };
  const failures: E2eFailure[] = [];
  /** The checks each reason skipped: a reason of one check alone is said with the check (but a block, grouped by appointment). */
  const skippedChecks = new Map<string, string[]>();
  // A check is named with the describe blocks around it ("GET appointment 124 › answers 200 with
  // JSON"): the same check runs for each configured appointment. The file's own suite adds nothing.
  const walk = (suite: PlaywrightSuite, path: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        // The latency test notes each measured request (e2e/latency.spec.ts): its last try's notes only,
        // where Playwright keeps them per try, so that a retried test's figures are not said twice.
        const notes = test.results.at(-1)?.annotations ?? test.annotations ?? [];
        for (const note of notes)
          if (note.type === 'latency' && note.description !== undefined) findings.latency?.push(note.description);
        if (test.status === 'skipped') {
          findings.skipped++;
          const reason = test.annotations?.find((note) => note.type === 'skip')?.description || 'skipped';
          findings.skippedBy[reason] = (findings.skippedBy[reason] ?? 0) + 1;
          skippedChecks.set(reason, [...(skippedChecks.get(reason) ?? []), [...path, spec.title].join(' › ')]);
        } else if (test.status === 'expected') {
          findings.passed++;
        } else {
          // Flaky (failed, then passed on CI's retry) fails too: an API wrong one time in two is broken.
          findings.failed++;
          const flaky = test.status === 'flaky';
          const error = flaky ? test.results.find((result) => result.error !== undefined) : test.results.at(-1);
          const fullMessage = `${flaky ? 'flaky, failed then passed on its retry: ' : ''}${error?.error?.message ?? ''}`;
          failures.push({ path, title: spec.title, message: errorText(fullMessage), fullMessage });
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title ?? '']);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  findings.failures = firstFailures(failures);
  findings.skippedBy = groupedSkipReasons(
    Object.fromEntries(
      Object.entries(findings.skippedBy).map(([reason, count]) => {
        const [check, ...others] = skippedChecks.get(reason) ?? [];
        const alone = count === 1 && others.length === 0 && check && !reason.startsWith('blocked by: ');
        return [alone ? `${check}: ${reason}` : reason, count];
      }),
    ),
  );
  return findings;
}

function contractFindings(reports: string): LayerFindings | undefined {
  return readJson(inReports(reports, REPORT_FILES.verificationFindings)) as LayerFindings | undefined;
}

/**
 * Each k6 threshold counts as one result: met, crossed (with the value it saw, and for the checks why
 * lookups failed), or not judged.
 */
function loadFindings(reports: string): LayerFindings | undefined {
  const summary = readJson(inReports(reports, REPORT_FILES.loadSummary)) as SummaryData | undefined;
  if (summary?.metrics === undefined) return undefined;
  const findings: LayerFindings = {
    passed: 0,
    failed: 0,
    skipped: 0,
    failures: [],
    skippedBy: {},
    counted: 'thresholds',
  };
  const lookups = summary.metrics[LOOKUP_COUNT_METRIC]?.values.count ?? 0;
  // Beside e2e's single requests in the report's latency section (CI job summaries show no more).
  if (lookups > 0)
    findings.latency = [
      `lookups answered 200 (${lookups}), p50 / p95 / p99: ${lookupLatency(summary)}, p95 objective ${slo.lookup.p95Milliseconds} ms`,
    ];
  // A run setup() stopped judged no threshold: why it stopped is its failure.
  if (summary.setup_completed === false)
    findings.failures.push({
      check: SETUP_CHECK,
      message: `${SETUP_STOPPED}: ${summary.setup_stop_reason ?? `k6's log says why (${inReports(reports, layerLog('load'))})`}`,
    });
  const outcomes = thresholdOutcomes(summary, lookupThresholds(slo.lookup));
  // Said once, with the first crossed checks or bad-body threshold: the others count the same lookups.
  let problems = failedLookupReasons(reports);
  for (const { metric, threshold, ok, judged, observed, margin } of outcomes) {
    if (!judged) {
      findings.skipped++;
      const reason = `threshold ${THRESHOLD_RESULT.notJudged}`;
      findings.skippedBy[reason] = (findings.skippedBy[reason] ?? 0) + 1;
    } else if (ok) findings.passed++;
    else {
      findings.failed++;
      if (findings.failures.length < FIRST_FAILURES) {
        const hint = summary.rate_limit_hint === undefined ? '' : `; ${summary.rate_limit_hint}`;
        const reasons =
          LOOKUP_OUTCOME_METRICS.includes(metric) && problems !== undefined
            ? `; failed lookups: ${problems}${hint}`
            : '';
        if (reasons !== '') problems = undefined;
        findings.failures.push({
          check: `${metric} ${threshold}`,
          message: `${THRESHOLD_RESULT.crossed}: seen ${observed ?? 'n/a'}, margin ${margin ?? 'n/a'}${reasons}`,
        });
      }
    }
  }
  return findings;
}

/** The findings of each layer that wrote any, by layer name. */
export function readLayerFindings(reports: string): Record<string, LayerFindings | undefined> {
  return {
    schemas: readJson(inReports(reports, REPORT_FILES.schemaFindings)) as LayerFindings | undefined,
    contracts: contractFindings(reports),
    e2e: e2eFindings(reports),
    load: loadFindings(reports),
  };
}
