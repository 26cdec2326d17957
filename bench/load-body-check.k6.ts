// Run by `npm run bench:load-check` when k6 is found: the body check and JSON.parse of the same body
// (BODY_FILE), timed inside k6's JavaScript engine, where a load test runs the check. Logs one JSON
// line: the median µs of each over BENCH_ROUNDS alternating rounds.
import { appointmentBodyProblem } from '../load/lib/appointment-body-check.ts';
import { median, roundCount } from './paired-rounds.ts';

const text = open(__ENV.BODY_FILE as string);
const body = JSON.parse(text);
const ROUNDS = roundCount(__ENV.BENCH_ROUNDS);
const PER_ROUND = 1000;

function microsecondsEach(work: () => unknown): number {
  const started = Date.now();
  for (let index = 0; index < PER_ROUND; index++) work();
  return ((Date.now() - started) * 1000) / PER_ROUND;
}

export default function (): void {
  const check: number[] = [];
  const parse: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    check.push(microsecondsEach(() => appointmentBodyProblem(body, '123', 'en')));
    parse.push(microsecondsEach(() => JSON.parse(text)));
  }
  console.log(JSON.stringify({ check: median(check), parse: median(parse) }));
}
