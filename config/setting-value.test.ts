// Proves the one reading of a setting: trimmed, and unset when blank.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { settingValue } from './setting-value.ts';

it('trims a setting, and takes an unset or blank one as unset', () => {
  const settings = { GIVEN: '  https://example.test ', BLANK: ' \t', EMPTY: '' };
  assert.equal(settingValue(settings, 'GIVEN'), 'https://example.test');
  assert.equal(settingValue(settings, 'BLANK'), undefined);
  assert.equal(settingValue(settings, 'EMPTY'), undefined);
  assert.equal(settingValue(settings, 'MISSING'), undefined);
});
