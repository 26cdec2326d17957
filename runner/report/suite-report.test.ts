// The combined report's own lines: the warnings npm start printed before its layers come first, each
// without its "warning:" (the heading says it), a preflight's keeping its "preflight:". The whole
// report is read in runner/suite-run.test.ts and runner/failing-run.test.ts.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsLines } from './suite-report.ts';

it('lists the warnings printed at start first, and nothing for a run without any', () => {
  const run = { target: 'the embedded sandbox', results: [], pactDirectory: 'pacts' };
  assert.deepEqual(findingsLines(run), []);
  assert.deepEqual(
    findingsLines({
      ...run,
      warnings: ['warning: ENGAGE_BASE_UR is not a setting', 'preflight: warning: the token endpoint answered 503'],
      refusal: ['configuration error: ENGAGE_ENV is "x"'],
    }),
    [
      '## Warnings at start',
      '',
      '- ENGAGE_BASE_UR is not a setting',
      '- preflight: the token endpoint answered 503',
      '',
      '## Not run: a setting was refused',
      '',
      '- configuration error: ENGAGE_ENV is "x"',
      '',
    ],
  );
});
