// Proves npm start never hangs on a layer: a contract layer stuck on a target that never answers, and
// a k6 run that never ends, are stopped at the layer timeout and reported as timed out. (Each layer's
// own reaction to bad targets is proven beside it: verify-provider.test.ts, bad-targets.test.ts.)
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { docsAppointmentResponse } from '../schemas/docs-examples.ts';
import { badTargetEnvironment } from '../testing/bad-targets.ts';
import { runEntryPoint } from '../testing/run-entry-point.ts';
import { standInK6Binary } from '../testing/stand-in-k6.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { startTinyServer } from '../testing/tiny-server.ts';

describe('npm start', { concurrency: true }, () => {
  it('stops a k6 run that never ends at the layer timeout, as timed out', async () => {
    const environment = {
      ENGAGE_REPORTS_DIR: temporaryFolder('robustness'),
      K6_BIN: standInK6Binary(),
      STAND_IN_K6_HANG: '1',
    };
    const { code, output } = await runEntryPoint('runner/main.ts', environment, [
      '--only',
      'load',
      '--layer-timeout',
      '3',
    ]);
    assert.equal(code, 1, output);
    assert.match(output, /✖ load timed out in [3-9]\.\d s: k6 did not finish within the layer's 3 s and was stopped/);
  });

  it('stops a contract layer stuck on a target that falls silent at the layer timeout, as timed out', async () => {
    // The preflight's GET gets the docs example; every later request gets no answer.
    let answered = 0;
    const target = await startTinyServer((_request, response) => {
      if (answered++ > 0) return;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(docsAppointmentResponse()));
    });
    after(() => target.close());
    const started = performance.now();
    const { code, output } = await runEntryPoint(
      'runner/main.ts',
      {
        ...badTargetEnvironment(target.url),
        ENGAGE_REQUEST_TIMEOUT_MS: '600000',
        ENGAGE_PACT_DIR: temporaryFolder('pacts'),
        ENGAGE_REPORTS_DIR: temporaryFolder('robustness'),
      },
      // 8 s: the consumer pact tests come first, and take 2 to 4 s while npm test runs its suites at once.
      ['--only', 'contracts', '--layer-timeout', '8'],
    );
    assert.equal(code, 1, output);
    assert.match(
      output,
      /✖ contracts timed out in ([89]|1\d)\.\d s: provider verification did not finish within the layer's 8 s and was stopped/,
    );
    assert.ok(performance.now() - started < 20_000);
  });
});
