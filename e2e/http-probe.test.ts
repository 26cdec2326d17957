// Proves the probe's back-off on 429: it waits as backoffSeconds says before sending again, longer
// when a Retry-After asks (a minute window's included), returns the first other answer, and
// once the probe's minute or the run's shared budget is spent, or for a Retry-After past what it ever
// waits, the 429 as it came; and a failed request names the target, in one line when it can.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { failureWithoutStack } from '../config/failure-without-stack.ts';
import { backingOffOnRateLimit, createProbe, type Probe, type ProbeResponse } from './http-probe.ts';
import { inMemoryWaits, RUN_WAIT_SECONDS } from './rate-limit-waits.ts';

const answer = (status: number, headers: Record<string, string> = {}): ProbeResponse => ({
  status,
  headers,
  text: '',
  json: undefined,
  durationMilliseconds: 1,
});

/** A probe answering the given statuses in turn, recording what it was sent. */
function scripted(statuses: number[]) {
  const sent: unknown[][] = [];
  const probe: Probe = async (...args) => {
    sent.push(args);
    return answer(statuses[sent.length - 1] ?? 200);
  };
  return { probe, sent };
}

it('sends again after a back-off while the answer is 429, and returns the first other answer', async () => {
  const { probe, sent } = scripted([429, 429, 200]);
  const waits: number[] = [];
  const response = await backingOffOnRateLimit(probe, inMemoryWaits(), async (seconds) => {
    waits.push(seconds);
  })('/path', { 'accept-language': 'nl' }, 'GET');
  assert.equal(response.status, 200);
  assert.deepEqual(waits, [0.5, 1]);
  assert.deepEqual(sent, Array(3).fill(['/path', { 'accept-language': 'nl' }, 'GET']), 'the same request each time');
});

it('waits as long as a Retry-After asks, when that is longer than the back-off', async () => {
  /** The waits of one request whose first answers are 429s with these Retry-After values, then a 200. */
  async function waitsFor(retryAfter: string[]) {
    let sent = 0;
    const probe: Probe = async () => {
      const header = retryAfter[sent++];
      return header === undefined ? answer(200) : answer(429, { 'retry-after': header });
    };
    const waits: number[] = [];
    const response = await backingOffOnRateLimit(probe, inMemoryWaits(), async (seconds) => {
      waits.push(seconds);
    })('/path');
    assert.equal(response.status, 200);
    return waits;
  }
  assert.deepEqual(await waitsFor(['3', '10']), [3, 10]);
  // An HTTP date at a whole second 5 to 6 s ahead, read a moment later.
  const [untilDate] = await waitsFor([new Date(Math.ceil(Date.now() / 1000) * 1000 + 5_000).toUTCString()]);
  assert.ok((untilDate as number) > 4 && (untilDate as number) <= 6, `${untilDate} s for the date`);
});

it("waits out a minute window's Retry-After, which a lower limit of the endpoint's own may ask for", async () => {
  const waits: number[] = [];
  let sent = 0;
  const probe: Probe = async () => (sent++ === 0 ? answer(429, { 'retry-after': '55' }) : answer(200));
  const response = await backingOffOnRateLimit(probe, inMemoryWaits(), async (seconds) => {
    waits.push(seconds);
  })('/path');
  assert.equal(response.status, 200);
  assert.deepEqual(waits, [55]);
});

it('returns a 429 at once when its Retry-After asks for more than the probe has left, or than the suite ever waits, rather than send sooner', async () => {
  /** How many requests went out, and the waits between them, for 429s with these Retry-After values. */
  async function sentAndWaits(retryAfter: string[]) {
    let sent = 0;
    const probe: Probe = async () => answer(429, { 'retry-after': retryAfter[sent++] ?? '1' });
    const waits: number[] = [];
    const response = await backingOffOnRateLimit(probe, inMemoryWaits(), async (seconds) => {
      waits.push(seconds);
    })('/path');
    assert.equal(response.status, 429);
    return [sent, waits];
  }
  assert.deepEqual(await sentAndWaits(['50', '20']), [2, [50]]);
  // Past the 60 s backoffSeconds keeps to: waiting 60 s and sending would be 240 s too soon.
  assert.deepEqual(await sentAndWaits(['300']), [1, []]);
});

it('returns the 429 once the probe has waited its minute, and passes any other answer at once', async () => {
  const { probe } = scripted(Array(20).fill(429));
  const waits: number[] = [];
  const record = async (seconds: number) => {
    waits.push(seconds);
  };
  assert.equal((await backingOffOnRateLimit(probe, inMemoryWaits(), record)('/path')).status, 429);
  // 0.5, 1, 2, 4, then 8 s while the probe's waits stay within 60 s: 55.5 s in all.
  assert.deepEqual(waits, [0.5, 1, 2, 4, 8, 8, 8, 8, 8, 8]);
  waits.length = 0;
  assert.equal((await backingOffOnRateLimit(scripted([503]).probe, inMemoryWaits(), record)('/path')).status, 503);
  assert.deepEqual(waits, []);
});

it("stops waiting once the run's probes have waited its budget in all, each 429 then returned at once", async () => {
  const run = inMemoryWaits();
  const waits: number[] = [];
  const record = async (seconds: number) => {
    waits.push(seconds);
  };
  // Three checks, each with a probe of its own, against a target that answers 429 to everything.
  const statuses = [];
  for (let check = 0; check < 3; check++)
    statuses.push((await backingOffOnRateLimit(scripted(Array(20).fill(429)).probe, run, record)('/path')).status);
  assert.deepEqual(statuses, [429, 429, 429]);
  const total = waits.reduce((sum, seconds) => sum + seconds, 0);
  assert.ok(total <= RUN_WAIT_SECONDS && total > RUN_WAIT_SECONDS - 8, `${total} s waited in all`);
  // The third check found the budget nearly spent: it waited what was left, not its minute.
  assert.equal(run.take(8), false, 'less than one more wait is left');
});

it('names the target, not the forwarder it sends through, in a failed request, one line for a failure said in one line', async () => {
  const through = {
    baseUrl: 'http://127.0.0.1:1',
    shownBaseUrl: 'https://api.example.test/v1',
    getToken: async () => 't',
  };
  const refused = createProbe(through, async () => {
    throw failureWithoutStack('no token for the 403 check: refused (check ENGAGE_NO_SCOPE_CLIENT_ID)');
  });
  await assert.rejects(refused('/enterprises/acme/appointments/1'), (error: Error) => {
    assert.equal(
      error.stack,
      'Error: GET https://api.example.test/v1/enterprises/acme/appointments/1 failed: no token for the 403 check: refused (check ENGAGE_NO_SCOPE_CLIENT_ID)',
    );
    return true;
  });
  // A fault of the suite's own keeps its stack, under the same first line.
  const broken = createProbe(through, async () => {
    throw new TypeError('undefined is not a function');
  });
  await assert.rejects(broken('/x'), (error: Error) => {
    assert.match(
      error.stack ?? '',
      /^Error: GET https:\/\/api\.example\.test\/v1\/x failed: undefined is not a function\n {4}at /,
    );
    assert.ok(error.cause instanceof TypeError);
    return true;
  });
});
