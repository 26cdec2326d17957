// Proves the list of settings complete (every ENGAGE_* and SANDBOX_* name the suite's code reads is
// in it, and nothing else) and the warning for a name that is not on it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { it } from 'node:test';
import { SETTING_NAMES, unknownSettingWarnings } from './setting-names.ts';

/** Constants that look like variable names. */
const NOT_VARIABLES = new Set(['SANDBOX_DEFAULTS', 'SANDBOX_ENTERPRISE']);

it('names every ENGAGE_* and SANDBOX_* variable the code of the suite reads, and no other', () => {
  const sources = readdirSync('.', { recursive: true, encoding: 'utf8' }).filter(
    (file) =>
      /\.(ts|mjs)$/.test(file) &&
      !/\.(test|spec)\.ts$/.test(file) &&
      !/(^|\/)(node_modules|reports|test-output)\//.test(file) &&
      file !== 'config/setting-names.ts',
  );
  const read = new Set(
    sources.flatMap((file) => readFileSync(file, 'utf8').match(/\b(ENGAGE|SANDBOX)_[A-Z0-9_]+\b/g) ?? []),
  );
  for (const name of NOT_VARIABLES) read.delete(name);
  assert.deepEqual([...read].sort(), [...SETTING_NAMES].sort());
});

it('warns of a name it does not read, with the setting it most likely meant, and of nothing else', () => {
  assert.deepEqual(
    unknownSettingWarnings({
      ENGAGE_BASE_UR: 'http://staging',
      SANDBOX_LATENCY: '50',
      ENGAGE_SOMETHING_ELSE_ENTIRELY: '1',
      ENGAGE_TOKEN: 'a-token',
      PATH: '/usr/bin',
    }),
    [
      'warning: ENGAGE_BASE_UR is not a setting of the suite, so it changes nothing (did you mean ENGAGE_BASE_URL?)',
      'warning: ENGAGE_SOMETHING_ELSE_ENTIRELY is not a setting of the suite, so it changes nothing',
      'warning: SANDBOX_LATENCY is not a setting of the suite, so it changes nothing (did you mean SANDBOX_LATENCY_MS?)',
    ],
  );
});
