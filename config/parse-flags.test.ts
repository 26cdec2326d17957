// The flag reading every entry point shares: a value that starts with a dash is one line saying how
// to give it, and the commands whose only flag is --env (verify:provider, pact:*) take it as ENGAGE_ENV,
// refusing a name that reads no file as --env.
// Each command's own flags: runner/runner-options.test.ts, load/tests, sandbox/sandbox-main.test.ts.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { configRefusal } from '../testing/config-refusal.ts';
import { temporaryFolder } from '../testing/temporary-folder.ts';
import { ConfigError } from './config-error.ts';
import { HelpRequested, parseFlags, useEnvFlag } from './parse-flags.ts';

describe('parseFlags', () => {
  it("says in one line that a value starting with a dash goes after '=', not node's three sentences", () => {
    assert.throws(
      () =>
        parseFlags(['--layer-timeout', '-5'], { 'layer-timeout': { type: 'string', help: 'seconds' } }, 'npm start'),
      (error: Error) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(
          error.message,
          "npm start: option '--layer-timeout' argument is ambiguous: a value that starts with a dash goes after '=', as in --layer-timeout=-5; its flags are --layer-timeout, and --help",
        );
        return true;
      },
    );
  });
});

describe('useEnvFlag', () => {
  const command = 'npm run verify:provider';
  it('sets ENGAGE_ENV from --env, and leaves it as it was without the flag', () => {
    const settings = temporaryFolder('env-flag');
    writeFileSync(join(settings, '.env.staging'), 'ENGAGE_ENTERPRISE=acme\n');
    const environment: Record<string, string | undefined> = {
      ENGAGE_ENV: 'from-the-shell',
      ENGAGE_CONFIG_DIR: settings,
    };
    useEnvFlag([], command, '', environment);
    assert.equal(environment.ENGAGE_ENV, 'from-the-shell');
    useEnvFlag(['--env', 'staging'], command, '', environment);
    assert.equal(environment.ENGAGE_ENV, 'staging');
  });
  it('refuses a name that reads no .env file as --env, the flag the user gave', () => {
    const environment = { ENGAGE_CONFIG_DIR: temporaryFolder('env-flag') };
    assert.match(
      configRefusal(() => useEnvFlag(['--env', 'stagign'], command, '', environment)) ?? '',
      /^--env is "stagign" but \S+\/\.env\.stagign does not exist; there is no \.env\.<name> file there$/,
    );
  });
  it('refuses any other flag or argument, naming the command, instead of running without it', () => {
    for (const args of [['--pact-dir', '/tmp'], ['staging'], ['--env']])
      assert.throws(
        () => useEnvFlag(args, command, '', {}),
        (error: Error) => error instanceof ConfigError && error.message.startsWith(`${command}: `),
        args.join(' '),
      );
  });
  it('answers --help with the command, what it does and its flag', () => {
    assert.throws(
      () => useEnvFlag(['--help'], command, 'Verifies the pacts.', {}),
      (error: Error) =>
        error instanceof HelpRequested &&
        error.message.startsWith(`usage: ${command} -- [flags]\nVerifies the pacts.\n`) &&
        /--env <value> {2}read \.env\.<value> over \.env \(its values win\) \(ENGAGE_ENV\)/.test(error.message),
    );
  });
  it('names what a flag takes in --help when its spec says', () => {
    assert.throws(
      () => parseFlags(['--help'], { against: { type: 'string', value: 'commit', help: 'compare' } }, 'npm run bench'),
      (error: Error) => error instanceof HelpRequested && /^ {2}--against <commit> {2}compare$/m.test(error.message),
    );
  });
});
