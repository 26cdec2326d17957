// The RawGet of the checks' own Node tests: the request goes out with exactly the probe's headers
// (sendExactRequest), as it does through Playwright and the forwarder, never with fetch's additions.
import { sendExactRequest } from '../e2e/exact-request.ts';
import type { RawGet } from '../e2e/http-probe.ts';

export function exactGet(timeoutMilliseconds = 10_000): RawGet {
  return async (url, headers) => {
    const answer = await sendExactRequest('GET', url, Object.entries(headers).flat(), timeoutMilliseconds);
    const answerHeaders = Object.fromEntries(
      Object.entries(answer.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : String(value),
      ]),
    );
    return { status: answer.status, headers: answerHeaders, text: answer.body.toString('utf8') };
  };
}
