// Proves the commands' flags in-process: bad flags are refused with one message naming the flag and
// what it takes, and --help lists every flag with the variable it stands for. suite-run.test.ts
// proves the same reach the user as one line and the right exit code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HelpRequested } from '../config/parse-flags.ts';
import { readLoadFlags } from '../load/k6-command.ts';
import { readSandboxSettings } from '../sandbox/sandbox-settings.ts';
import { configRefusal } from '../testing/config-refusal.ts';
import { readRunnerOptions } from './runner-options.ts';

/** The message of the ConfigError `read` throws. */
const refusal = (read: () => unknown): string => configRefusal(read) ?? assert.fail('nothing was refused');

describe('npm start refuses bad flags with one message', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--only', 'schemas,perf'], /^--only names unknown layer "perf"; layers: schemas, contracts, e2e, load$/],
    [['--skip', 'perf'], /^--skip names unknown layer "perf"/],
    [['--profile', 'marathon'], /^--profile "marathon" is not one of smoke, /],
    [['--only', ''], /^--only leaves no layer to run; layers: schemas, contracts, e2e, load$/],
    [['--only', ' , '], /^--only leaves no layer to run/],
    [['--skip', 'schemas,contracts,e2e,load'], /^--skip leaves no layer to run/],
    [['--only', 'e2e', '--skip', 'e2e'], /^--skip leaves no layer to run/],
    [['--layer-timeout', '0'], /^--layer-timeout is "0" but must be a whole number of seconds of at least 1$/],
    [['--envv', 'staging'], /^npm start: unknown option '--envv'; its flags are --only, --skip, --env,/],
    // A flag of npm run load: the variable that sets it for npm start's load layer, if there is one.
    [
      ['--duration', '5m'],
      /^npm start: unknown option '--duration': it is a flag of npm run load; for npm start, set ENGAGE_LOAD_DURATION; its flags are --only,/,
    ],
    [
      ['--allow-above-rate-limit'],
      /^npm start: unknown option '--allow-above-rate-limit': it is a flag of npm run load; for npm start, set ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT=true; its flags/,
    ],
    [
      ['--dry-run'],
      /^npm start: unknown option '--dry-run': it is a flag of npm run load alone; its flags are --only,/,
    ],
    [
      ['staging'],
      /^npm start: unexpected argument 'staging'\. This command does not take positional arguments; its flags are --only,/,
    ],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), () =>
      assert.match(
        refusal(() => readRunnerOptions(args)),
        message,
      ),
    );
  }
});

describe('a flag npm kept for itself, given before --, is refused, not dropped', () => {
  // npm hands such a flag on only as npm_config_<name>; one it does not know is a switch, its value left behind.
  const kept = (command: string, flag: string) =>
    new RegExp(
      `^${command}: npm kept ${flag} for itself \\(npm_config_.*: given before --, or set in an \\.npmrc\\), .* e\\.g\\. ${command} -- ${flag}$`,
    );
  const start = { npm_lifecycle_event: 'start' };
  it('npm start --require-load, which would leave load unchecked', () =>
    assert.match(
      refusal(() => readRunnerOptions([], { ...start, npm_config_require_load: 'true' })),
      kept('npm start', '--require-load'),
    ));
  it('npm start --skip load, and two of them, whose values cannot be told apart', () => {
    assert.match(
      refusal(() => readRunnerOptions(['load'], { ...start, npm_config_skip: 'true' })),
      kept('npm start', '--skip load'),
    );
    assert.match(
      refusal(() =>
        readRunnerOptions(['average', 'staging'], { ...start, npm_config_profile: 'true', npm_config_env: 'true' }),
      ),
      kept('npm start', '--env <value> --profile <value>'),
    );
  });
  it('npm run load --profile=average and --dry-run', () => {
    const load = { npm_lifecycle_event: 'load' };
    assert.match(
      refusal(() => readLoadFlags([], { ...load, npm_config_profile: 'average' })),
      kept('npm run load', '--profile average'),
    );
    assert.match(
      refusal(() => readLoadFlags([], { ...load, npm_config_dry_run: 'true' })),
      kept('npm run load', '--dry-run'),
    );
  });
  it('npm run sandbox --port 4011', () =>
    assert.match(
      refusal(() => readSandboxSettings(['4011'], { npm_lifecycle_event: 'sandbox', npm_config_port: 'true' })),
      kept('npm run sandbox', '--port 4011'),
    ));
  it("only under the command's own script: not npm start's reading of the load settings, nor npm test's", () => {
    assert.equal(readLoadFlags([], { ...start, npm_config_dry_run: 'true' }).dryRun, false);
    assert.equal(
      readRunnerOptions([], { npm_lifecycle_event: 'test', npm_config_require_load: 'true' }).requireLoad,
      undefined,
    );
    assert.equal(
      readRunnerOptions([], { ...start, npm_config_user_agent: 'npm/11', npm_config_skip: '' }).requireLoad,
      undefined,
    );
  });
});

describe('the commands explain themselves', () => {
  for (const [command, read, flags] of [
    [
      'npm start',
      () => readRunnerOptions(['--help']),
      ['--only', '--skip', '--env', '--profile', '--require-load', '--layer-timeout', '--baseline'],
    ],
    [
      'npm run load',
      () => readLoadFlags(['--help'], {}),
      ['--profile', '--env', '--duration', '--dry-run', '--confirm-production'],
    ],
    ['npm run sandbox', () => readSandboxSettings(['--help'], {}), ['--port', '--latency-ms', '--faults']],
  ] as const) {
    it(`${command} --help lists every flag with the variable it stands for`, () => {
      assert.throws(read, (error: Error) => {
        assert.ok(error instanceof HelpRequested);
        assert.match(error.message, new RegExp(`^usage: ${command} -- \\[flags\\]$`, 'm'));
        for (const flag of flags) assert.match(error.message, new RegExp(`^ {2}${flag}\\b`, 'm'), flag);
        return true;
      });
    });
  }
});

describe('npm start requires the load layer', () => {
  it('when --require-load says so, when it is the only layer asked for (skipped, the run would check nothing), or when --only names it', () => {
    assert.equal(readRunnerOptions([]).requireLoad, undefined);
    assert.equal(readRunnerOptions(['--skip', 'e2e']).requireLoad, undefined);
    assert.equal(readRunnerOptions(['--only', 'schemas,load']).requireLoad, '--only names load');
    assert.equal(
      readRunnerOptions(['--only', 'schemas,load', '--require-load']).requireLoad,
      '--require-load was given',
    );
    assert.equal(readRunnerOptions(['--only', 'load']).requireLoad, 'load is the only layer asked for');
    assert.equal(
      readRunnerOptions(['--skip', 'schemas,contracts,e2e']).requireLoad,
      'load is the only layer asked for',
    );
  });
  it('--help names the variable of --profile', () => {
    assert.throws(
      () => readRunnerOptions(['--help']),
      /^ {2}--profile <value> +the load profile, one of .*; default smoke \(ENGAGE_LOAD_PROFILE\)$/m,
    );
  });
});
