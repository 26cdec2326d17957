// Run by `npm run bench:load-check` when k6 is found: the body check and JSON.parse of the same body,
// timed inside k6's JavaScript engine, where a load test runs the check. Logs one JSON line: the
// median µs of each over alternating rounds.
import { appointmentBodyProblem } from '../load/lib/appointment-body-check.ts';

const text = open('../schemas/docs-examples/appointment-200.json');
const body = JSON.parse(text);
const ROUNDS = 6;
const PER_ROUND = 1000;

function microsecondsEach(work: () => unknown): number {
  const started = Date.now();
  for (let index = 0; index < PER_ROUND; index++) work();
  return ((Date.now() - started) * 1000) / PER_ROUND;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export default function (): void {
  const check: number[] = [];
  const parse: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    check.push(microsecondsEach(() => appointmentBodyProblem(body, '123', 'en')));
    parse.push(microsecondsEach(() => JSON.parse(text)));
  }
  console.log(JSON.stringify({ check: median(check), parse: median(parse) }));
}
