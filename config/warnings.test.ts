// A warning is printed to stderr as it comes and kept, in order, for npm start's report.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { printedWarnings, warn } from './warnings.ts';

it('prints each warning to stderr and keeps it, in order', (context) => {
  const printed: unknown[] = [];
  context.mock.method(console, 'error', (line: unknown) => printed.push(line));
  const before = printedWarnings().length;
  warn('warning: one');
  warn('warning: two');
  assert.deepEqual(printed, ['warning: one', 'warning: two']);
  assert.deepEqual(printedWarnings().slice(before), ['warning: one', 'warning: two']);
});
