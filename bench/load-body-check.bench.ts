// `npm run bench:load-check`: what the k6 body check (the schema's standalone validator, then the id
// and the language) costs per changed body, beside JSON.parse of that body, which k6 pays for it
// anyway, as the baseline, in one run: in Node, and inside k6 (load-body-check.k6.ts) when k6 is
// found, where a load test runs it. It must never be what limits the load generator.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { findK6 } from '../load/find-k6.ts';
import { appointmentBodyProblem } from '../load/lib/appointment-body-check.ts';
import { DOCS_EXAMPLES, docsAppointmentResponse } from '../schemas/docs-examples.ts';

const body = docsAppointmentResponse();
const text = JSON.stringify(body);
const seconds = Number(process.env.BENCH_SECONDS ?? 2);

function perSecond(check: () => unknown): number {
  for (let warmUp = 0; warmUp < 10_000; warmUp++) check();
  let count = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    for (let batch = 0; batch < 1000; batch++) check();
    count += 1000;
  }
  return count / ((performance.now() - started) / 1000);
}

console.log(
  `one 200 body (the docs example), ${seconds} s each, on ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`,
);
const check = perSecond(() => appointmentBodyProblem(body, '123', 'en'));
const parse = perSecond(() => JSON.parse(text));
console.log(
  `body check (k6)           ${Math.round(check).toLocaleString('en').padStart(11)} bodies/s  ${(1e6 / check).toFixed(2)} µs each`,
);
console.log(
  `JSON.parse (baseline)     ${Math.round(parse).toLocaleString('en').padStart(11)} bodies/s  ${(1e6 / parse).toFixed(2)} µs each`,
);
console.log(`ratio                ${(check / parse).toFixed(2)} (check / parse, in bodies a second)`);

const k6 = findK6(process.env);
if (k6 === undefined) console.log('in k6: not measured, no k6 found (set K6_BIN)');
else {
  const run = spawnSync(
    k6,
    ['run', '--quiet', '--summary-mode=disabled', '--log-format=raw', '--iterations=1', 'bench/load-body-check.k6.ts'],
    {
      encoding: 'utf8',
      env: { ...process.env, K6_NO_USAGE_REPORT: 'true', BODY_FILE: fileURLToPath(DOCS_EXAMPLES.appointment) },
    },
  );
  const line = `${run.stdout}${run.stderr}`.split('\n').find((each) => each.startsWith('{"check"'));
  if (line === undefined) throw new Error(`k6 printed no figures:\n${run.stdout}${run.stderr}`);
  const figures = JSON.parse(line) as { check: number; parse: number };
  const version = spawnSync(k6, ['version'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  console.log(`in ${version}: body check ${figures.check} µs each, JSON.parse (baseline) ${figures.parse} µs each`);
  console.log(`ratio                ${(figures.parse / figures.check).toFixed(2)} (check / parse, in bodies a second)`);
}
