// Proves the progress line of a command waiting on a long child: it repeats until stopped, then stops.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sayStillRunning } from './child-processes.ts';

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

it('says what is still running, and for how long, until it is stopped', async () => {
  const said: string[] = [];
  const stop = sayStillRunning('k6', 0.02, (line) => said.push(line));
  await sleep(110);
  stop();
  const count = said.length;
  assert.ok(count >= 2, `${count} lines`);
  for (const line of said) assert.match(line, /^ {2}… k6 still running \(0 s\)$/);
  await sleep(60);
  assert.equal(said.length, count, 'nothing after it was stopped');
});
