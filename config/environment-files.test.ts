// Proves where variables come from: `.env`, then `.env.<ENGAGE_ENV>`, and the process environment
// winning over both; a named environment without its file is a clear error.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { ConfigError } from './config-error.ts';
import { readEnvironment } from './environment-files.ts';
import { OPTIONAL_EXPECTATIONS } from './optional-expectations.ts';
import { readSuiteConfig } from './suite-config.ts';

function directoryWith(files: Record<string, string>): string {
  const directory = temporaryFolder('env');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  return directory;
}

describe('readEnvironment', () => {
  it('reads .env, lets .env.<name> override it, and lets the process override both', () => {
    const directory = directoryWith({
      '.env': 'ENGAGE_ENTERPRISE=from-dotenv\nENGAGE_APPOINTMENT_ID=dotenv-id\nENGAGE_DEFAULT_LANGUAGE=en\n',
      '.env.staging': 'ENGAGE_ENTERPRISE=from-staging\nENGAGE_APPOINTMENT_ID=staging-id\n',
    });
    const environment = readEnvironment({ ENGAGE_ENV: 'staging', ENGAGE_APPOINTMENT_ID: 'process-id' }, directory);
    assert.equal(environment.ENGAGE_DEFAULT_LANGUAGE, 'en');
    assert.equal(environment.ENGAGE_ENTERPRISE, 'from-staging');
    assert.equal(environment.ENGAGE_APPOINTMENT_ID, 'process-id');
  });
  it('takes ENGAGE_ENV from .env too', () => {
    const directory = directoryWith({ '.env': 'ENGAGE_ENV=ci\n', '.env.ci': 'ENGAGE_ENTERPRISE=from-ci\n' });
    assert.equal(readEnvironment({}, directory).ENGAGE_ENTERPRISE, 'from-ci');
  });
  it('reads the files from ENGAGE_CONFIG_DIR when it is set', () => {
    const directory = directoryWith({ '.env': 'ENGAGE_ENTERPRISE=from-config-dir\n' });
    assert.equal(readEnvironment({ ENGAGE_CONFIG_DIR: directory }).ENGAGE_ENTERPRISE, 'from-config-dir');
  });
  it('works with no files at all', () => {
    assert.deepEqual(readEnvironment({ A: '1' }, directoryWith({})), { A: '1' });
  });
  it('names ENGAGE_ENV when its file is missing', () => {
    assert.throws(
      () => readEnvironment({ ENGAGE_ENV: 'staging' }, directoryWith({})),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.variable === 'ENGAGE_ENV' &&
        /\.env\.staging does not exist/.test(error.message),
    );
  });
  it('refuses an ENGAGE_ENV that is not a plain file suffix', () => {
    assert.throws(
      () => readEnvironment({ ENGAGE_ENV: '../etc/passwd' }, directoryWith({})),
      /ENGAGE_ENV "..\/etc\/passwd" is not a file suffix/,
    );
  });
});

describe('.env.example', () => {
  it('becomes a valid configuration by filling in what it asks for, the token first', () => {
    const example = readFileSync('.env.example', 'utf8')
      .replace(/^ENGAGE_TOKEN=$/m, 'ENGAGE_TOKEN=filled-in')
      .replace(/^ENGAGE_APPOINTMENT_ID=$/m, 'ENGAGE_APPOINTMENT_ID=123');
    const config = readSuiteConfig(readEnvironment({}, directoryWith({ '.env': example })));
    assert.equal(config.auth.kind, 'static-token');
  });
  it('lists every optional expectation ENGAGE_EXPECT takes', () => {
    const listed = /^# (region-fallback.*), or none\.$/m.exec(readFileSync('.env.example', 'utf8'))?.[1];
    assert.deepEqual(listed?.split(', '), [...OPTIONAL_EXPECTATIONS]);
  });
});
