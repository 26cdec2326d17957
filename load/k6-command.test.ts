// Proves what `npm run load` hands k6 beyond the suite config: an ids file by a path k6 can open,
// and --quiet when there is no terminal; and that a bad --duration is refused as the flag.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { it } from 'node:test';
import { readSuiteConfig } from '../config/suite-config.ts';
import { configRefusal } from '../testing/config-refusal.ts';
import { buildK6Command, readLoadFlags } from './k6-command.ts';

it('hands k6 ENGAGE_APPOINTMENT_IDS_FILE as an absolute path: k6 would open a relative one from load/', () => {
  const command = (idsFile: string) => {
    const environment = { ENGAGE_APPOINTMENT_IDS_FILE: idsFile };
    return buildK6Command(readSuiteConfig({}), 'http://127.0.0.1:1', readLoadFlags([], environment), 'out', environment)
      .environment.ENGAGE_APPOINTMENT_IDS_FILE;
  };
  assert.equal(command(' ids/staging.json '), resolve('ids/staging.json'));
  assert.equal(command('/srv/ids.json'), '/srv/ids.json');
  assert.equal(command(''), undefined);
});

it('makes k6 quiet when asked (no terminal: its progress would be one block a second in the log), with no REST API', () => {
  // k6 v1's REST API (localhost:6565) would answer setup()'s data, the token, to any local process.
  const args = (quiet: boolean) =>
    buildK6Command(readSuiteConfig({}), 'http://127.0.0.1:1', readLoadFlags([], {}), 'out', {}, { quiet }).args;
  assert.deepEqual(args(true).slice(0, 4), ['run', '--no-usage-report', '--address=', '--quiet']);
  assert.ok(!args(false).includes('--quiet'));
});

it('refuses a --duration k6 would not take as the flag the user gave, and takes a good one', () => {
  assert.equal(
    configRefusal(() => readLoadFlags(['--duration=-5s'], {})),
    '--duration "-5s" is not a duration of 1s or more, such as 30s, 1m30s or 2h',
  );
  assert.equal(readLoadFlags(['--duration', '1m30s'], {}).duration, '1m30s');
});
