// `npm run bench:load-check`: what the k6 body check (the schema's standalone validator, then the id
// and the language) costs per changed body, beside JSON.parse of that body, which k6 pays for it
// anyway, as the baseline, in one run. It must never be what limits the load generator.
import { cpus } from 'node:os';
import { appointmentBodyProblem } from '../load/lib/appointment-body-check.ts';
import { docsAppointmentResponse } from '../schemas/docs-examples.ts';

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
