// Proves the progress line of a command waiting on a long child: it repeats until stopped, then stops.
// It waits for the lines rather than for a fixed time, so that a busy machine's late timers fail nothing.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sayStillRunning } from './child-processes.ts';

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

it('says what is still running, and for how long, until it is stopped', async () => {
  const said: string[] = [];
  let secondLine: () => void = () => {};
  const twoLines = new Promise<void>((resolve) => {
    secondLine = resolve;
  });
  const stop = sayStillRunning('k6', 0.02, (line) => {
    said.push(line);
    if (said.length === 2) secondLine();
  });
  // Unreferenced: a pending timer must not keep the test process alive once the lines came.
  const tooLong = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref());
  const waited = await Promise.race([twoLines.then(() => true), tooLong]);
  stop();
  assert.ok(waited, `${said.length} lines in 10 s of a line every 20 ms`);
  const count = said.length;
  for (const line of said) assert.match(line, /^ {2}… k6 still running \(\d+ s\)$/);
  await sleep(60);
  assert.equal(said.length, count, 'nothing after it was stopped');
});
