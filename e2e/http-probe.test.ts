// Proves the probe's back-off on 429: it waits as backoffSeconds says before sending again, returns
// the first other answer, and after its last retry, or once its budget is spent, the 429 as it came.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { backingOffOnRateLimit, type Probe, type ProbeResponse } from './http-probe.ts';

const answer = (status: number): ProbeResponse => ({
  status,
  headers: {},
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
  const response = await backingOffOnRateLimit(probe, async (seconds) => {
    waits.push(seconds);
  })('/path', { 'accept-language': 'nl' }, 'GET');
  assert.equal(response.status, 200);
  assert.deepEqual(waits, [0.5, 1]);
  assert.deepEqual(sent, Array(3).fill(['/path', { 'accept-language': 'nl' }, 'GET']), 'the same request each time');
});

it('returns the 429 after its last retry, and passes any other answer at once', async () => {
  const { probe } = scripted(Array(10).fill(429));
  const waits: number[] = [];
  const record = async (seconds: number) => {
    waits.push(seconds);
  };
  assert.equal((await backingOffOnRateLimit(probe, record)('/path')).status, 429);
  assert.deepEqual(waits, [0.5, 1, 2, 4]);
  waits.length = 0;
  assert.equal((await backingOffOnRateLimit(scripted([503]).probe, record)('/path')).status, 503);
  assert.deepEqual(waits, []);
});

it('stops waiting once the probe has waited 15 s in all, however many requests it sends', async () => {
  const waits: number[] = [];
  const probe = backingOffOnRateLimit(scripted(Array(100).fill(429)).probe, async (seconds) => {
    waits.push(seconds);
  });
  for (let request = 0; request < 5; request++) assert.equal((await probe('/path')).status, 429);
  // 7.5 s for the first request, 7.5 s for the second, then nothing more.
  assert.deepEqual(waits, [0.5, 1, 2, 4, 0.5, 1, 2, 4]);
});
