// Proves the list of settings complete (every ENGAGE_* and SANDBOX_* name the suite's code reads is
// in it, and nothing else), the warning for a name that is not on it, and the one for a variable
// only the process environment can set (Node's, k6's CA file) that only a .env file sets.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { readEnvironment } from './environment-files.ts';
import { SETTING_NAMES, unknownSettingWarnings } from './setting-names.ts';

/** Constants that look like variable names. */
const NOT_VARIABLES = new Set(['SANDBOX_DEFAULTS', 'SANDBOX_ENTERPRISE']);
const NOT_SOURCES = new Set(['node_modules', '.git', 'reports', 'test-output']);

/** The suite's code, Playwright specs included and its own tests not: whatever reads a variable. */
function sources(folder = '.'): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return NOT_SOURCES.has(entry.name) ? [] : sources(path);
    return /\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

it('names every ENGAGE_* and SANDBOX_* variable the code of the suite reads, and no other', () => {
  const files = sources().filter((file) => !file.endsWith('setting-names.ts'));
  const read = new Set(
    files.flatMap((file) => readFileSync(file, 'utf8').match(/\b(ENGAGE|SANDBOX)_[A-Z0-9_]+\b/g) ?? []),
  );
  for (const name of NOT_VARIABLES) read.delete(name);
  assert.deepEqual([...read].sort(), [...SETTING_NAMES].sort());
});

it('warns of a name it does not read, with the setting it most likely meant, and of nothing else', () => {
  const environment = {
    ENGAGE_BASE_UR: 'http://staging',
    SANDBOX_LATENCY: '50',
    ENGAGE_SOMETHING_ELSE_ENTIRELY: '1',
    ENGAGE_TOKEN: 'a-token',
    engage_enterprise: 'acme',
    PATH: '/usr/bin',
  };
  assert.deepEqual(unknownSettingWarnings(environment), [
    'warning: ENGAGE_BASE_UR is not a setting of the suite, so it changes nothing (did you mean ENGAGE_BASE_URL?)',
    'warning: ENGAGE_SOMETHING_ELSE_ENTIRELY is not a setting of the suite, so it changes nothing',
    'warning: SANDBOX_LATENCY is not a setting of the suite, so it changes nothing (did you mean SANDBOX_LATENCY_MS?)',
    'warning: engage_enterprise is not a setting of the suite, so it changes nothing (names are upper case: ENGAGE_ENTERPRISE)',
  ]);
  // A layer of npm start, which has warned already.
  assert.deepEqual(unknownSettingWarnings({ ...environment, ENGAGE_SETTINGS_WARNED: 'true' }), []);
});

it('names the env file a misspelt name is in: the file is what to fix', () => {
  const folder = temporaryFolder('misspelt');
  writeFileSync(join(folder, '.env'), 'ENGAGE_BASE_UR=http://staging\n');
  const shell = { ENGAGE_CONFIG_DIR: folder };
  assert.deepEqual(unknownSettingWarnings(readEnvironment(shell), shell), [
    `warning: ENGAGE_BASE_UR is not a setting of the suite, so it changes nothing (did you mean ENGAGE_BASE_URL?), in ${join(folder, '.env')}`,
  ]);
});

it('warns of NODE_EXTRA_CA_CERTS, NODE_OPTIONS or SSL_CERT_FILE that only a .env file sets: it comes too late', () => {
  const folder = temporaryFolder('ca-files');
  for (const file of ['ca.pem', 'bundle.pem']) writeFileSync(join(folder, file), 'PEM');
  const fromFiles = {
    NODE_EXTRA_CA_CERTS: join(folder, 'ca.pem'),
    NODE_OPTIONS: '--max-old-space-size=4096',
    SSL_CERT_FILE: join(folder, 'bundle.pem'),
  };
  assert.deepEqual(unknownSettingWarnings({ ...fromFiles, PATH: '/usr/bin' }, { PATH: '/usr/bin' }), [
    'warning: NODE_EXTRA_CA_CERTS is set in a .env file, where it changes nothing: Node reads it only as it starts; set it in the shell or the CI job',
    'warning: NODE_OPTIONS is set in a .env file, where it changes nothing: Node reads it only as it starts; set it in the shell or the CI job',
    "warning: SSL_CERT_FILE is set in a .env file, where it changes nothing: k6 takes it from the shell's environment only; set it in the shell or the CI job",
  ]);
  assert.deepEqual(unknownSettingWarnings(fromFiles, fromFiles), [], 'set in the process: nothing to say');
});

it('warns of a NODE_EXTRA_CA_CERTS or SSL_CERT_FILE that is not a file: Node and k6 ignore it (Node silently, for a folder)', () => {
  const folder = temporaryFolder('ca-files');
  const caFile = join(folder, 'ca.pem');
  writeFileSync(caFile, 'PEM');
  const given = { NODE_EXTRA_CA_CERTS: folder, SSL_CERT_FILE: join(folder, 'missing.pem'), PATH: '/usr/bin' };
  assert.deepEqual(unknownSettingWarnings(given, given), [
    `warning: NODE_EXTRA_CA_CERTS is ${folder}, which is not a file, so no CA is read from it: Node trusts its own CAs alone`,
    `warning: SSL_CERT_FILE is ${join(folder, 'missing.pem')}, which is not a file, so no CA is read from it: k6 trusts the system's CAs alone`,
  ]);
  const readable = { NODE_EXTRA_CA_CERTS: caFile, SSL_CERT_FILE: caFile };
  assert.deepEqual(unknownSettingWarnings(readable, readable), []);
});
