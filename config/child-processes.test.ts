// Proves the progress line of a command waiting on a long child (it repeats until stopped, then
// stops, waited for by its lines, not a fixed time), the wait for a child's output to end, and a
// second signal: at once it is the first one's echo (npm passing a Ctrl-C on), later it kills.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { startProgram } from '../testing/run-entry-point.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { exitedAndRead, sayStillRunning } from './child-processes.ts';
import { withTypescript } from './typescript-node.ts';

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

it('takes a second signal within 500 ms for the echo of the first, and one after that for a second Ctrl-C', async () => {
  // A command whose child ignores SIGINT: the first signal gives it the 2 s grace, then kills it.
  const command = join(temporaryFolder('signals'), 'command.ts');
  writeFileSync(
    command,
    `import { forwardStopSignals, interruption, spawnWithDeadline } from ${JSON.stringify(new URL('./child-processes.ts', import.meta.url).href)};
forwardStopSignals();
const { finished } = spawnWithDeadline('sh', ['-c', 'trap "" INT; echo ready; sleep 30'], { stdio: ['ignore', 'inherit', 'inherit'] }, 60_000);
await finished;
console.log(\`the child is stopped; interrupted by \${interruption()}\`);
process.exitCode = 130;
`,
  );
  const interrupted = async (secondAfterMilliseconds: number) => {
    const run = startProgram(process.execPath, withTypescript(command), process.env);
    while (!run.output().includes('ready')) await sleep(20);
    const sent = Date.now();
    run.child.kill('SIGINT');
    await sleep(secondAfterMilliseconds);
    run.child.kill('SIGINT');
    const code = await run.exited;
    return { code, output: run.output(), milliseconds: Date.now() - sent };
  };
  const echo = await interrupted(20);
  assert.equal(echo.code, 130, echo.output);
  assert.match(echo.output, /the child is stopped; interrupted by SIGINT/, 'it waited for the child');
  assert.ok(echo.milliseconds >= 1900, `the child had its 2 s grace: ${echo.milliseconds} ms`);
  const second = await interrupted(800);
  assert.equal(second.code, 130, second.output);
  assert.doesNotMatch(second.output, /the child is stopped/, 'it ended at the second signal');
  assert.ok(second.milliseconds < 1900, `${second.milliseconds} ms`);
});
