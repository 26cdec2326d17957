// Proves which lines of a failed part's output npm test repeats at its end: node:test's failing
// tests, Playwright's failed ones, Biome's and tsc's findings, or else the last lines, never more than 40.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failureDigest } from './failure-digest.ts';

describe('failureDigest', () => {
  it("takes node:test's failing tests section, with each test's place and error", () => {
    const output = [
      '✔ a passing test (1.2ms)',
      'ℹ fail 1',
      '✖ failing tests:',
      '',
      'test at load/lookup.real-k6.test.ts:573:3',
      '✖ a token endpoint that takes the client by HTTP Basic only (4151.9ms)',
      '  AssertionError [ERR_ASSERTION]: basic: 0 refreshed tokens: the VUs refreshed',
      '',
    ].join('\n');
    assert.deepEqual(failureDigest(output), [
      '✖ failing tests:',
      '',
      'test at load/lookup.real-k6.test.ts:573:3',
      '✖ a token endpoint that takes the client by HTTP Basic only (4151.9ms)',
      '  AssertionError [ERR_ASSERTION]: basic: 0 refreshed tokens: the VUs refreshed',
    ]);
  });

  it("takes Playwright's summary from its count of failed tests, which names each", () => {
    const output = [
      '  1) x.spec.mjs:4:3 › errors › one fails ───',
      '    Error: expect(received).toBe(expected)',
      '',
      '  1 failed',
      '    x.spec.mjs:4:3 › errors › one fails ───',
      '  1 skipped',
      '  1 passed (746ms)',
      '',
    ].join('\n');
    assert.deepEqual(failureDigest(output), [
      '  1 failed',
      '    x.spec.mjs:4:3 › errors › one fails ───',
      '  1 skipped',
      '  1 passed (746ms)',
    ]);
  });

  it("takes Biome's and tsc's lines that name a file and a rule, colour codes dropped", () => {
    const biome = [
      'config/x.ts:3:7 lint/style/useConst  FIXABLE  ━━━━━━━━━━',
      '',
      '  ✖ This let declares a variable that is only assigned once.',
      '',
      '  > 3 │ let x = 1;',
      '\u001b[31mscripts/y.ts format\u001b[0m ━━━━━━━━━━',
      'Checked 283 files in 300ms. No fixes applied.',
      'Found 2 errors.',
    ].join('\n');
    assert.deepEqual(failureDigest(biome), [
      'config/x.ts:3:7 lint/style/useConst  FIXABLE  ━━━━━━━━━━',
      'scripts/y.ts format ━━━━━━━━━━',
    ]);
    const tsc = "noise\nload/lookup.ts(12,5): error TS2322: Type 'string' is not assignable to type 'number'.\n";
    assert.deepEqual(failureDigest(tsc), [
      "load/lookup.ts(12,5): error TS2322: Type 'string' is not assignable to type 'number'.",
    ]);
  });

  it('takes the last 10 lines of any other output', () => {
    const output = Array.from({ length: 15 }, (_, index) => `error ${index + 1}`).join('\n');
    assert.deepEqual(
      failureDigest(`${output}\n`),
      Array.from({ length: 10 }, (_, index) => `error ${index + 6}`),
    );
  });

  it('keeps 40 lines, and says how many more are in the output above', () => {
    const errors = Array.from({ length: 50 }, (_, index) => `  line ${index + 1}`);
    const digest = failureDigest(['✖ failing tests:', ...errors].join('\n'));
    assert.equal(digest.length, 41);
    assert.equal(digest[39], '  line 39');
    assert.equal(digest[40], '… 11 more lines, in the output above');
  });
});
