// Proves where variables come from: `.env`, then `.env.<ENGAGE_ENV>`, and the process environment
// winning over both; a named environment without its file is a clear error.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { ConfigError } from './config-error.ts';
import { blankOverrideWarnings, readEnvironment, useEnvironmentName } from './environment-files.ts';
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
    // A blank variable of the shell (export ENGAGE_BASE_URL=) wins too, to unset a file's value, and is
    // named; a blank ENGAGE_ENV names no file, so .env's applies.
    const blank = { ENGAGE_ENV: 'staging', ENGAGE_ENTERPRISE: '' };
    assert.equal(readEnvironment(blank, directory).ENGAGE_ENTERPRISE, '');
    assert.deepEqual(blankOverrideWarnings(blank, directory), [
      `warning: ENGAGE_ENTERPRISE is set blank in the shell, which hides its value in ${directory}/.env.staging: unset ENGAGE_ENTERPRISE to use it`,
    ]);
    assert.deepEqual(blankOverrideWarnings({ ENGAGE_ENV: 'staging' }, directory), []);
    const withName = directoryWith({ '.env': 'ENGAGE_ENV=ci\n', '.env.ci': 'ENGAGE_ENTERPRISE=from-ci\n' });
    assert.equal(readEnvironment({ ENGAGE_ENV: ' ' }, withName).ENGAGE_ENTERPRISE, 'from-ci');
    assert.deepEqual(blankOverrideWarnings({ ENGAGE_ENV: '' }, withName), [], ".env's ENGAGE_ENV was read after all");
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
  it('names ENGAGE_ENV when its file is missing, and the environments there are', () => {
    assert.throws(
      () => readEnvironment({ ENGAGE_ENV: 'staging' }, directoryWith({})),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.variable === 'ENGAGE_ENV' &&
        /\.env\.staging does not exist; there is no \.env\.<name> file there$/.test(error.message),
    );
    const directory = directoryWith({ '.env.staging': 'A=1\n', '.env.prod': 'A=1\n', '.env.example': 'A=\n' });
    assert.throws(
      () => readEnvironment({ ENGAGE_ENV: 'stagign' }, directory),
      /\.env\.stagign does not exist; there are prod, staging$/,
    );
  });
  it('refuses an ENGAGE_ENV that is not a plain file suffix, giving the suffix of a file name', () => {
    assert.throws(
      () => readEnvironment({ ENGAGE_ENV: '../etc/passwd' }, directoryWith({})),
      /ENGAGE_ENV "..\/etc\/passwd" is not a file suffix \(letters, digits, "-" and "_"\)$/,
    );
    assert.throws(
      () => readEnvironment({ ENGAGE_ENV: '.env.staging' }, directoryWith({})),
      /ENGAGE_ENV "\.env\.staging" is not a file suffix .*: for \.env\.staging, give staging$/,
    );
  });
  it('names ENGAGE_CONFIG_DIR when it is not a folder, in one line, and takes a blank one for unset', () => {
    for (const environment of [{ ENGAGE_ENV: 'staging' }, {}])
      assert.throws(
        () => readEnvironment({ ...environment, ENGAGE_CONFIG_DIR: '/nonexistent/config' }),
        /^ConfigError: ENGAGE_CONFIG_DIR is "\/nonexistent\/config", which is not a folder to read \.env files from$/,
      );
    assert.equal(readEnvironment({ ENGAGE_CONFIG_DIR: ' ' }).ENGAGE_CONFIG_DIR, ' ', 'read from the working directory');
  });
  it('refuses a named file that sets nothing, and a file that is not UTF-8 text (UTF-16 reads as nothing)', () => {
    assert.throws(
      () => readEnvironment({ ENGAGE_ENV: 'staging' }, directoryWith({ '.env.staging': '# only comments\n' })),
      /^ConfigError: ENGAGE_ENV is "staging" but \S+\.env\.staging sets no variable$/,
    );
    const directory = temporaryFolder('env');
    writeFileSync(join(directory, '.env'), Buffer.from('\ufeffENGAGE_BASE_URL=https://staging\n', 'utf16le'));
    assert.throws(() => readEnvironment({}, directory), /\.env is not UTF-8 text \(UTF-16, .*save it as UTF-8$/);
  });
  it('refuses an unquoted value that a "#" right after its text would cut, naming the variable, not the value', () => {
    const cut = (line: string) => () => readEnvironment({}, directoryWith({ '.env': `A=1\n${line}\n` }));
    for (const line of [
      'ENGAGE_CLIENT_SECRET=ab#cd',
      'export ENGAGE_CLIENT_SECRET=ab#',
      ' ENGAGE_CLIENT_SECRET = ab#cd',
    ])
      assert.throws(
        cut(line),
        (error: Error) =>
          /^ENGAGE_CLIENT_SECRET in \S+\.env has a "#" right after other text or the "=", where dotenv cuts the value as a comment: quote the value/.test(
            error.message,
          ) && !error.message.includes('hunter2'),
        line,
      );
    assert.throws(cut('S: hunter2#cd'), /^ConfigError: S in /, "dotenv's colon form");
    assert.throws(cut('S=#hunter2'), /^ConfigError: S in /, 'read as empty');
    for (const line of [
      "S='ab#cd'",
      'S="ab#cd"',
      'S = "p#ss"',
      'S= "https://x/#/a"',
      'S="ab#cd" # x#y',
      'S=ab # a comment',
      '# S=ab#cd',
      'S=ab',
      'S= # an empty value, with a comment',
    ])
      assert.doesNotThrow(cut(line), line);
  });
  it('refuses a line dotenv would drop without a word, naming the file and the line, not the value', () => {
    const read = (text: string) => () => readEnvironment({}, directoryWith({ '.env': text }));
    // A token wrapped over two lines, unquoted: dotenv keeps "sandbox-" and drops the rest.
    for (const [text, line] of [
      ['A=1\nENGAGE_TOKEN=sandbox-\nhunter2\n', 3],
      ['S:ab#cd\n', 1],
      ['S : hunter2\n', 1],
      // A quote opened and never closed: dotenv keeps '"sandbox-' and drops the next line.
      ['ENGAGE_TOKEN="sandbox-\nhunter2\n', 2],
    ] as const)
      assert.throws(
        read(text),
        (error: Error) =>
          new RegExp(
            `^\\S+\\.env line ${line} is no NAME=value, and dotenv drops it without a word: a value wrapped over lines\\? put it on one line, or quote it whole$`,
          ).test(error.message) && !error.message.includes('hunter2'),
        text,
      );
    // What dotenv reads whole: quoted values over lines (escaped quotes in them too), comments, blank
    // lines, dotenv's other forms, and any line ends.
    for (const text of [
      'A="one\ntwo"\n\n# a comment\nexport B=1\nC: 2\nD=\'x\ny\'\n',
      'A="he said \\"hi\\" and\nmore"\n',
      "A='it\\'s\nmore'\n",
      'A=1\r\nB="x\r\ny"\r\n',
      'A=1\r\r\nB=2\r\r\n',
      'A=1\n   \nB=\nC= # c\n',
    ])
      assert.doesNotThrow(read(text), text);
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

it('takes --env as ENGAGE_ENV, reading its file at once: a name that reads no file is refused as --env', () => {
  const environment: Record<string, string | undefined> = { ENGAGE_CONFIG_DIR: directoryWith({ '.env.ci': 'A=1\n' }) };
  useEnvironmentName(undefined, environment);
  assert.equal(environment.ENGAGE_ENV, undefined);
  useEnvironmentName('ci', environment);
  assert.equal(environment.ENGAGE_ENV, 'ci');
  assert.throws(
    () => useEnvironmentName('cl', environment),
    (error: unknown) => error instanceof ConfigError && error.variable === '--env' && /is "cl" but/.test(error.message),
  );
});
