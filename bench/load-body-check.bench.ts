// `npm run bench:load-check`: what the k6 body check costs per response, beside the full Ajv schema
// validation as the baseline, in one run. It must never be what limits the load generator.
import { cpus } from 'node:os';
import { appointmentBodyProblem } from '../load/lib/appointment-body-check.ts';
import { docsAppointmentResponse } from '../schemas/docs-examples.ts';
import { SchemaId, validateAgainstSchema } from '../schemas/schema-registry.ts';

const body = docsAppointmentResponse();
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
const hand = perSecond(() => appointmentBodyProblem(body, '123'));
const ajv = perSecond(() => validateAgainstSchema(SchemaId.appointmentResponse, body));
console.log(
  `hand check (k6)      ${Math.round(hand).toLocaleString('en').padStart(12)} validations/s  ${(1e6 / hand).toFixed(2)} µs each`,
);
console.log(
  `ajv schema (baseline) ${Math.round(ajv).toLocaleString('en').padStart(11)} validations/s  ${(1e6 / ajv).toFixed(2)} µs each`,
);
console.log(`ratio                ${(hand / ajv).toFixed(2)} (hand / ajv)`);
