// Ctrl-C and SIGTERM with real children: `npm start` during e2e or load and `npm run load` during k6
// stop their layers, exit 130 or 143 saying "interrupted", send no request more than 2 s after the
// signal, signal k6 once, and leave no process behind (each run's processes carry a marker in their
// environment).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { typescriptProgram } from '../config/typescript-node.ts';
import { type RunningSandbox, startSandbox } from '../sandbox/start-sandbox.ts';
import { type RecordingProxy, startRecordingProxy } from '../testing/recording-proxy.ts';
import { emptyConfigFolder, startProgram, waitWhileRunning } from '../testing/run-entry-point.ts';
import { standInK6Binary } from '../testing/stand-in-k6.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';

const hasProc = existsSync('/proc/self/environ');

/** Processes whose environment holds `marker`: what a run left behind. */
function processesMarked(marker: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Starts an entry point with a marker in its environment; resolves once `ready` says it is busy. */
function start(entryPoint: string, args: string[], environment: Record<string, string>) {
  const marker = `INTERRUPT_TEST_MARKER=${randomUUID()}`;
  const [name, value] = marker.split('=') as [string, string];
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ENGAGE_CONFIG_DIR: emptyConfigFolder(),
    ...environment,
    [name]: value,
  };
  return { ...startProgram(process.execPath, typescriptProgram(entryPoint, ...args), env), marker };
}

describe('an interrupted run', { skip: hasProc ? false : 'needs /proc to find left-over processes' }, () => {
  let sandbox: RunningSandbox;
  let recorder: RecordingProxy;
  before(async () => {
    // Slow answers keep the e2e layer busy long enough to be interrupted in the middle.
    sandbox = await startSandbox({ latency: { fixedMilliseconds: 150, jitterMilliseconds: 0 } });
    recorder = await startRecordingProxy(sandbox.url);
  });
  after(async () => {
    await recorder.close();
    await sandbox.close();
  });

  it('npm start: SIGINT during e2e stops it, exits 130, reports "interrupted", and sends nothing after 2 s', async () => {
    const reports = temporaryFolder('interrupt');
    const run = start('runner/main.ts', ['--only', 'e2e'], {
      ENGAGE_REPORTS_DIR: reports,
      ENGAGE_BASE_URL: recorder.url,
      ENGAGE_ENTERPRISE: 'acme',
      ENGAGE_TOKEN: 'sandbox-token',
      ENGAGE_APPOINTMENT_ID: '123',
      ENGAGE_DEFAULT_LANGUAGE: 'en',
    });
    const before = recorder.requests.length;
    await waitWhileRunning(run, () => recorder.requests.length >= before + 5, 'the e2e layer sent 5 requests');
    const sent = Date.now();
    // A terminal's Ctrl-C under `npm start` arrives twice, milliseconds apart: from the terminal, to
    // the whole foreground group, and from npm, which passes its own on to the program it runs.
    run.child.kill('SIGINT');
    await sleep(20);
    run.child.kill('SIGINT');
    const code = await run.exited;
    assert.ok(
      Date.now() - sent < 4000,
      `stopped ${Date.now() - sent} ms after the signal: the 2 s grace, then the report`,
    );
    const afterGrace = recorder.requests.length;
    await sleep(2000);
    assert.equal(code, 130, run.output());
    assert.match(run.output(), /the suite was interrupted \(SIGINT\)/);
    assert.match(
      readFileSync(join(reports, 'summary.md'), 'utf8'),
      /: INTERRUPTED \(SIGINT\)[\s\S]*\| 🛑 interrupted \|/,
    );
    assert.equal(recorder.requests.length, afterGrace, 'no request after the run ended');
    assert.deepEqual(processesMarked(run.marker), [], 'no process of the run is left');
  });

  it('npm start: SIGTERM during load reaches k6 once, so that it stops gracefully, and the report is written', async () => {
    const reports = temporaryFolder('interrupt');
    const signals = join(temporaryFolder('interrupt'), 'signals.txt');
    const run = start('runner/main.ts', ['--only', 'load'], {
      ENGAGE_REPORTS_DIR: reports,
      K6_BIN: standInK6Binary(),
      STAND_IN_K6_HANG: '1',
      STAND_IN_K6_SIGNALS: signals,
    });
    // The stand-in writes its summary as it starts, then runs until stopped.
    await waitWhileRunning(run, () => existsSync(join(reports, 'load', 'summary.json')), 'k6 started');
    await sleep(300);
    run.child.kill('SIGTERM');
    const code = await run.exited;
    assert.equal(code, 143, run.output());
    // A second signal would stop k6 at once, without its summary, and with its metrics file cut short.
    assert.deepEqual(readFileSync(signals, 'utf8').trim().split('\n'), ['SIGINT'], 'k6 got one signal');
    assert.match(run.output(), /the suite was interrupted \(SIGTERM\)/);
    assert.ok(existsSync(join(reports, 'index.html')), 'the report is written');
    assert.deepEqual(processesMarked(run.marker), [], 'no process of the run is left');
  });

  it('npm run load: SIGTERM stops k6, exits 143 saying so, and leaves no process', async () => {
    const run = start('load/run-load.ts', ['--profile', 'smoke'], {
      ENGAGE_REPORTS_DIR: temporaryFolder('interrupt'),
      K6_BIN: standInK6Binary(),
      STAND_IN_K6_HANG: '1',
    });
    await waitWhileRunning(run, () => run.output().includes('load: smoke profile'), 'k6 started');
    await sleep(500);
    const sent = Date.now();
    run.child.kill('SIGTERM');
    const code = await run.exited;
    assert.ok(Date.now() - sent < 4000, 'stopped within the grace');
    assert.equal(code, 143, run.output());
    assert.match(run.output(), /load: interrupted \(SIGTERM\)/);
    assert.deepEqual(processesMarked(run.marker), [], 'no process of the run is left');
  });
});
