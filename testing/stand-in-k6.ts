// A stand-in for the k6 binary in the suite's own tests (no k6 can be installed here): it writes
// what a smoke run of load/lookup.ts writes under ENGAGE_REPORTS_DIR/load and exits with
// STAND_IN_K6_EXIT (0 unless set), or hangs when STAND_IN_K6_HANG is set, or first waits for the file
// STAND_IN_K6_WAIT_FOR to appear, so that the layers around k6 can be tested. Like k6, it stops
// gracefully on its first SIGINT or SIGTERM and at once on a second; STAND_IN_K6_SIGNALS names a
// file where it notes each signal it got.
import { appendFileSync, chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { isEntryPoint } from '../config/entry-point.ts';
import { inReports, REPORT_FILES, reportsDirectory } from '../config/report-paths.ts';
import { typescriptProgram } from '../config/typescript-node.ts';
import { DEFAULT_PROFILE } from '../load/lib/load-profiles.ts';
import { LOOKUP_COUNT_METRIC, LOOKUP_LATENCY_METRIC, LOOKUP_TAG } from '../load/lib/load-thresholds.ts';
import { summaryOutputs } from '../load/lib/summary-reports.ts';
import { temporaryFolder } from './temporary-folder.ts';

/** An executable that runs this stand-in, for K6_BIN. */
export function standInK6Binary(): string {
  const binary = join(temporaryFolder('stand-in-k6'), 'k6');
  writeFileSync(
    binary,
    `#!/bin/sh\nexec ${[process.execPath, ...typescriptProgram(fileURLToPath(import.meta.url))].map((arg) => `"${arg}"`).join(' ')} "$@"\n`,
  );
  chmodSync(binary, 0o755);
  return binary;
}

if (isEntryPoint(import.meta.url)) {
  let signals = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      if (process.env.STAND_IN_K6_SIGNALS) appendFileSync(process.env.STAND_IN_K6_SIGNALS, `${signal}\n`);
      if (++signals > 1) process.exit(105);
      // k6's graceful stop: the iterations in flight end and the summary is written.
      setTimeout(() => process.exit(105), 300);
    });
  const waitFor = process.env.STAND_IN_K6_WAIT_FOR;
  while (waitFor !== undefined && !existsSync(waitFor)) await new Promise((resolve) => setTimeout(resolve, 50));
  const reports = reportsDirectory(process.env);
  mkdirSync(inReports(reports, REPORT_FILES.load), { recursive: true });
  // 200 lookups answered 200 in 4 s, 3.1 to 9.7 ms, and a fast 500, which the latency chart leaves out.
  const lookups: Array<[number, string]> = [
    ...Array.from({ length: 200 }, (_, index): [number, string] => [3.1 + (index % 4) * 2.2, '200']),
    [1, '500'],
  ];
  const points = lookups.map(([value, status], index) =>
    JSON.stringify({
      type: 'Point',
      metric: 'http_req_duration',
      data: {
        time: new Date(Date.UTC(2026, 0, 1) + index * 20).toISOString(),
        value,
        tags: { name: LOOKUP_TAG, status },
      },
    }),
  );
  writeFileSync(inReports(reports, REPORT_FILES.loadMetrics), gzipSync(`${points.join('\n')}\n`));
  const summary = {
    state: { testRunDurationMs: 15_000 },
    // What setup() handed the VUs, as k6 gives it to handleSummary after a setup() that completed.
    setup_data: { token: 'stand-in-token', refreshAtMilliseconds: null },
    metrics: {
      http_reqs: { type: 'counter', values: { count: 201, rate: 13.4 } },
      [LOOKUP_COUNT_METRIC]: { type: 'counter', values: { count: 200, rate: 13.3 } },
      [LOOKUP_LATENCY_METRIC]: {
        type: 'trend',
        // STAND_IN_K6_P95 sets the 95th percentile, for the baseline comparison's tests.
        values: { med: 4.7, 'p(95)': Number(process.env.STAND_IN_K6_P95 ?? 9.9), 'p(99)': 9.9 },
      },
      checks: {
        type: 'rate',
        values: { rate: 200 / 201, passes: 200, fails: 1 },
        thresholds: { 'rate>0.99': { ok: true } },
      },
    },
  };
  const run = {
    profile: process.env.ENGAGE_LOAD_PROFILE ?? DEFAULT_PROFILE,
    target: process.env.ENGAGE_BASE_URL ?? '',
    thresholds: { checks: ['rate>0.99'] },
  };
  const { stdout, ...files } = summaryOutputs(summary, run, reports);
  for (const [file, text] of Object.entries(files)) writeFileSync(file, text);
  console.log(stdout);
  console.log(`stand-in k6 ${process.argv.slice(2).join(' ')}`);
  if (process.env.STAND_IN_K6_HANG) setInterval(() => {}, 60_000);
  process.exitCode = Number(process.env.STAND_IN_K6_EXIT ?? 0);
}
