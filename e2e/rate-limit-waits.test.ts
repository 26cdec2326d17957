// The run's 429 budget: kept in global setup's file, it is one budget for every worker, each of
// which (a new one after each failed test) reads what the others spent.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { fileWaits, inMemoryWaits, RUN_WAIT_SECONDS } from './rate-limit-waits.ts';

it('is one budget for every worker that reads the same file', () => {
  const file = join(temporaryFolder('waits'), 'seconds');
  writeFileSync(file, '');
  const first = fileWaits(file);
  first.spend(47.5);
  const next = fileWaits(file);
  assert.equal(next.secondsLeft(), RUN_WAIT_SECONDS - 47.5);
  next.spend(0.5);
  assert.equal(first.secondsLeft(), RUN_WAIT_SECONDS - 48);
});

it('in memory, keeps its own count', () => {
  const waits = inMemoryWaits(10);
  waits.spend(4);
  assert.equal(waits.secondsLeft(), 6);
});
