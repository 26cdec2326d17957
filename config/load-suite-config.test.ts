// Proves that a refused setting names the env file each variable it names came from, grouped by
// file, and nothing for a variable the shell set or a file left blank.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { ConfigError } from './config-error.ts';
import { readEnvironment } from './environment-files.ts';
import { withSettingFiles } from './load-suite-config.ts';
import { readSuiteConfig } from './suite-config.ts';

it('names the env file each variable of a refusal came from, grouped by file, and none the shell set or a file left blank', () => {
  const folder = temporaryFolder('setting-files');
  writeFileSync(join(folder, '.env'), 'ENGAGE_TOKEN=a-token\n');
  writeFileSync(
    join(folder, '.env.staging'),
    'ENGAGE_BASE_URL=https://staging.example.com\nENGAGE_ENTERPRISE=acme\nENGAGE_APPOINTMENT_ID=1\nENGAGE_TOKEN_URL=https://auth.example.com/token\nENGAGE_CLIENT_ID=x\n',
  );
  const shell = { ENGAGE_CONFIG_DIR: folder, ENGAGE_ENV: 'staging', ENGAGE_CLIENT_SECRET: 'from-the-shell' };
  // Outside the working directory: named by its whole path.
  const file = (name: string) => join(folder, name);
  assert.throws(
    () => withSettingFiles(() => readSuiteConfig(readEnvironment(shell)), shell),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.variable === 'ENGAGE_TOKEN' &&
      error.message ===
        `ENGAGE_TOKEN and the client credentials (ENGAGE_TOKEN_URL, ENGAGE_CLIENT_ID, ENGAGE_CLIENT_SECRET) are both set: use one or the other (a blank NAME= in a later env file hides what an earlier one set) (ENGAGE_TOKEN is set in ${file('.env')}; ENGAGE_TOKEN_URL, ENGAGE_CLIENT_ID in ${file('.env.staging')})`,
  );
  // A secret left blank in the file is no variable set there.
  writeFileSync(join(folder, '.env'), 'ENGAGE_CLIENT_SECRET=\n');
  const { ENGAGE_CLIENT_SECRET: _fromTheShell, ...withoutSecret } = shell;
  assert.throws(
    () => withSettingFiles(() => readSuiteConfig(readEnvironment(withoutSecret)), withoutSecret),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.message ===
        `ENGAGE_CLIENT_SECRET is required with ENGAGE_TOKEN_URL, ENGAGE_CLIENT_ID: client credentials need all three (ENGAGE_TOKEN_URL, ENGAGE_CLIENT_ID are set in ${file('.env.staging')})`,
  );
});
