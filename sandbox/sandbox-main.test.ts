// Proves `npm run sandbox` as a user meets it: knobs from flags or SANDBOX_* variables with clear
// errors, a printed URL that serves the docs example, and a clean stop on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { ConfigError } from '../config/config-error.ts';
import { typescriptProgram } from '../config/typescript-node.ts';
import { get } from '../testing/http-helpers.ts';
import { readSandboxSettings } from './sandbox-settings.ts';
import { startSandbox } from './start-sandbox.ts';

describe('sandbox options', () => {
  it('default to port 4010 and no knobs', () => {
    const options = readSandboxSettings([], {});
    assert.equal(options.port, 4010);
    assert.equal(options.latency, undefined);
    assert.equal(options.errorRate, undefined);
    assert.equal(options.rateLimit, false);
    assert.deepEqual(options.faults, []);
  });
  it('come from variables, and flags win', () => {
    const environment = {
      SANDBOX_PORT: '5000',
      SANDBOX_LATENCY_MS: '20',
      SANDBOX_RATE_LIMIT: 'on',
      SANDBOX_FAULTS: 'wrong-enum',
    };
    const options = readSandboxSettings(['--port', '6000', '--jitter-ms', '5', '--error-rate', '0.2'], environment);
    assert.equal(options.port, 6000);
    assert.deepEqual(options.latency, { fixedMilliseconds: 20, jitterMilliseconds: 5 });
    assert.equal(options.errorRate, 0.2);
    assert.equal(options.rateLimit, true);
    assert.deepEqual(options.faults, ['wrong-enum']);
  });
  it('rate-limit as the caller chooses when SANDBOX_RATE_LIMIT leaves it unsaid or blank, and as it says otherwise', () => {
    const byDefault = { rateLimitByDefault: true };
    assert.equal(readSandboxSettings([], {}, byDefault).rateLimit, true);
    assert.equal(readSandboxSettings([], { SANDBOX_RATE_LIMIT: ' ' }, byDefault).rateLimit, true);
    assert.equal(readSandboxSettings([], { SANDBOX_RATE_LIMIT: 'off' }, byDefault).rateLimit, false);
    assert.equal(readSandboxSettings(['--rate-limit', 'on'], { SANDBOX_RATE_LIMIT: 'off' }).rateLimit, true);
  });
  const bad: Array<[string[], Record<string, string>, RegExp]> = [
    [['--port', 'x'], {}, /^--port is "x" but must be a whole number from 0 to 65535$/],
    [[], { SANDBOX_ERROR_RATE: '2' }, /^SANDBOX_ERROR_RATE is "2" but must be a number from 0 to 1$/],
    [
      [],
      { SANDBOX_RATE_LIMIT: 'maybe' },
      /^SANDBOX_RATE_LIMIT is "maybe" but must be true\/false, 1\/0, yes\/no or on\/off$/,
    ],
    [[], { SANDBOX_FAULTS: 'wrong-enum,gremlins' }, /^SANDBOX_FAULTS names unknown fault "gremlins"; known: /],
    [
      [],
      { SANDBOX_SEED_FILE: '/nonexistent/seed.json' },
      /^SANDBOX_SEED_FILE is not a usable seed: seed file \/nonexistent\/seed.json cannot be read/,
    ],
    [['--colour'], {}, /^npm run sandbox: unknown option '--colour'; its flags are --port, /],
  ];
  for (const [args, environment, message] of bad) {
    it(`refuse ${[...args, ...Object.entries(environment).map((entry) => entry.join('='))].join(' ')}`, () => {
      assert.throws(
        () => readSandboxSettings(args, environment),
        (error: unknown) => error instanceof ConfigError && message.test(error.message),
      );
    });
  }
});

describe('npm run sandbox', () => {
  it('prints its URL, warns of a misspelt knob, serves the docs example, and stops cleanly on a SIGTERM to npm, with exit code 143', async () => {
    // Through npm itself, as `npm run sandbox &` then `kill $!` does: the script execs node, so that
    // the signal npm passes on reaches the sandbox, not a shell that would leave it running.
    const child = spawn('npm', ['run', '--silent', 'sandbox', '--', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      // A knob misspelt: warned of, and no latency added.
      env: { ...process.env, SANDBOX_LATENCY: '50' },
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    while (!/listening on (\S+)/.test(output)) await once(child.stdout, 'data');
    const url = /listening on (\S+)/.exec(output)?.[1] as string;
    assert.equal((await get(`${url}/enterprises/acme/appointments/123`)).status, 200);
    child.kill('SIGTERM');
    // A sandbox the signal did not reach would keep npm's pipes open: its group goes after 5 s.
    const leftover = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 5000);
    const [code, signal] = await once(child, 'close');
    clearTimeout(leftover);
    assert.deepEqual([code, signal], [143, null], 'the sandbox stopped on the signal npm passed on');
    assert.match(output, /sandbox stopped \(SIGTERM\)/);
    assert.match(
      errors,
      /^warning: SANDBOX_LATENCY is not a setting of the suite, .*did you mean SANDBOX_LATENCY_MS\?\)$/m,
    );
  });
  it('says which port is taken, in one line', async () => {
    const taken = await startSandbox();
    const port = new URL(taken.url).port;
    const child = spawn(process.execPath, typescriptProgram('sandbox/main.ts', '--port', port), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    const [code] = await once(child, 'close');
    await taken.close();
    assert.equal(code, 2);
    assert.equal(
      errors,
      `configuration error: SANDBOX_PORT ${port} is already in use on 127.0.0.1: stop what serves it, or give another port (0 picks a free one)\n`,
    );
  });
  it('refuses a bad knob with one line and exit code 2, no stack trace', async () => {
    const child = spawn(process.execPath, typescriptProgram('sandbox/main.ts'), {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SANDBOX_LATENCY_MS: '-1' },
    });
    let errors = '';
    child.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    const [code] = await once(child, 'close');
    assert.equal(code, 2);
    assert.equal(errors, 'configuration error: SANDBOX_LATENCY_MS is "-1" but must be a number from 0 to 60000\n');
  });
});
