// The run's 429 budget: kept in global setup's file, it is one budget for every worker, each of
// which (a new one after each failed test) reads what the others took; a file that is gone or
// damaged counts as spent, and what would pass the budget is not taken.
import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { fileWaits, inMemoryWaits, RUN_WAIT_SECONDS } from './rate-limit-waits.ts';

it('is one budget for every worker that reads the same file, and takes nothing past it', () => {
  const file = join(temporaryFolder('waits'), 'seconds');
  writeFileSync(file, '');
  const first = fileWaits(file);
  assert.equal(first.take(47.5), true);
  const next = fileWaits(file);
  assert.equal(next.take(0.5), true);
  assert.equal(first.take(RUN_WAIT_SECONDS - 47.5), false, 'more than is left, what the other took counted');
  assert.equal(next.take(RUN_WAIT_SECONDS - 48), true, 'nothing taken by the refusal: what is left, to the last');
  assert.equal(first.take(0.5), false);
});

it('counts a file that is gone, or holds what is not a number, as spent, and makes no file anew', () => {
  const file = join(temporaryFolder('waits'), 'seconds');
  writeFileSync(file, '3\nnot a number\n');
  assert.equal(fileWaits(file).take(1), false);
  rmSync(file);
  assert.equal(fileWaits(file).take(1), false);
  assert.equal(existsSync(file), false);
});

it('in memory, keeps its own count', () => {
  const waits = inMemoryWaits(10);
  assert.equal(waits.take(4), true);
  assert.equal(waits.take(7), false);
  assert.equal(waits.take(6), true, 'what is left, to the last');
  assert.equal(waits.take(0.5), false);
});
