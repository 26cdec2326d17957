// Proves the progress line of a command waiting on a long child (it repeats until stopped, then
// stops, waited for by its lines, not a fixed time) and the wait for a child's output to end.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { it } from 'node:test';
import { exitedAndRead, sayStillRunning } from './child-processes.ts';

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

it('gives the exit code once the output is read to the end, or 2 s after the exit while a process left behind holds the pipe', async () => {
  const read = (script: string) => {
    // In a group of its own, which the test stops, with whatever the child left behind.
    const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    return {
      exited: exitedAndRead(child),
      output: () => output,
      stop: () => process.kill(-(child.pid as number), 'SIGKILL'),
    };
  };
  const whole = read('printf "%05000d" 7; exit 3');
  assert.equal(await whole.exited, 3);
  assert.equal(whole.output().length, 5000, 'all of it, not what had come at the exit');
  const started = Date.now();
  const leftover = read('sleep 30 & echo started; exit 4');
  assert.equal(await leftover.exited, 4);
  const waited = Date.now() - started;
  assert.ok(waited >= 1900 && waited < 10_000, `${waited} ms`);
  assert.equal(leftover.output(), 'started\n');
  leftover.stop();
});
