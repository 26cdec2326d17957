// Proves the broker scripts without a broker (none can run here): the command lines they build, the
// clear refusal when no broker is configured, and a bounded run against a broker that is not there.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../config/config-error.ts';
import { UNREACHABLE_URL } from '../../testing/bad-targets.ts';
import { runEntryPoint } from '../../testing/run-entry-point.ts';
import { temporaryFolder } from '../../testing/temporary-folder.ts';
import { PACT_DIRECTORY } from '../participants.ts';
import { brokerFailureHint, brokerTimeoutSeconds, canIDeployArguments, publishArguments } from './broker-commands.ts';

const git = { sha: '0123abc', branch: 'main' };
const broker = { PACT_BROKER_BASE_URL: 'https://broker.example.test', PACT_BROKER_TOKEN: 'broker-token-under-test' };

describe('the command lines', () => {
  it('publish the pact folder under the git sha and branch', () => {
    assert.deepEqual(publishArguments(broker, git), [
      'publish',
      PACT_DIRECTORY,
      '--broker-base-url',
      'https://broker.example.test',
      '--consumer-app-version',
      '0123abc',
      '--branch',
      'main',
      '--retries',
      '3',
    ]);
  });
  it('ask can-i-deploy for the consumer at the git sha, to production unless told', () => {
    const args = canIDeployArguments(broker, git);
    assert.deepEqual(args.slice(0, 9), [
      'can-i-deploy',
      '--broker-base-url',
      'https://broker.example.test',
      '--pacticipant',
      'engage-appointments-client',
      '--version',
      '0123abc',
      '--to-environment',
      'production',
    ]);
    assert.equal(canIDeployArguments({ ...broker, PACT_DEPLOY_ENVIRONMENT: 'staging' }, git)[8], 'staging');
  });
  it('wait for unknown results only a bounded number of times', () => {
    const args = canIDeployArguments(broker, git);
    assert.equal(args[args.indexOf('--retry-while-unknown') + 1], '6');
    assert.equal(args[args.indexOf('--retry-interval') + 1], '10');
  });
  it('never carry the token', () => {
    for (const args of [publishArguments(broker, git), canIDeployArguments(broker, git)]) {
      assert.doesNotMatch(args.join(' '), /broker-token-under-test/);
    }
  });
  it('refuse a missing or malformed broker URL, or one with credentials, naming the variable', () => {
    assert.throws(
      () => publishArguments({}, git),
      (error: unknown) => error instanceof ConfigError && /^PACT_BROKER_BASE_URL is not set/.test(error.message),
    );
    assert.throws(
      () => canIDeployArguments({ PACT_BROKER_BASE_URL: 'broker' }, git),
      /PACT_BROKER_BASE_URL "broker" is not a URL/,
    );
    const withCredentials = { PACT_BROKER_BASE_URL: 'https://user:password-under-test@broker.example' };
    assert.throws(
      () => publishArguments(withCredentials, git),
      (error: unknown) =>
        error instanceof ConfigError && error.message === 'PACT_BROKER_BASE_URL must not carry credentials in the URL',
    );
  });
  it('name the setting a failed command points at, from what the CLI printed', () => {
    assert.match(
      String(brokerFailureHint("Request to pact broker path '' failed: 401 Unauthorized")),
      /PACT_BROKER_TOKEN$/,
    );
    assert.match(String(brokerFailureHint('403 Forbidden')), /permissions of PACT_BROKER_TOKEN$/);
    assert.match(
      String(brokerFailureHint("No pacts found for provider 'p' matching the given consumer version selectors")),
      /publish one first \(npm run pact:publish\)/,
    );
    assert.match(String(brokerFailureHint('Failed to open TCP connection to 127.0.0.1:9')), /PACT_BROKER_BASE_URL$/);
    assert.match(
      String(brokerFailureHint('getaddrinfo: nodename nor servname provided, or not known')),
      /could not be reached: check PACT_BROKER_BASE_URL$/,
    );
    assert.match(
      String(brokerFailureHint('SSL_connect returned=1 errno=0 state=error: certificate verify failed')),
      /TLS certificate was refused: check PACT_BROKER_BASE_URL/,
    );
    assert.match(String(brokerFailureHint('Request failed: 404 Not Found')), /PACT_BROKER_BASE_URL is the broker root/);
    assert.equal(brokerFailureHint('Version 1.4047 not found'), undefined, 'no hint from a number or a word');
    assert.equal(brokerFailureHint('Computer says no ¯\\_(ツ)_/¯'), undefined);
  });
  it('bound the time, 120 s unless told', () => {
    assert.equal(brokerTimeoutSeconds({}), 120);
    assert.equal(brokerTimeoutSeconds({ PACT_BROKER_TIMEOUT_SECONDS: '30' }), 30);
    assert.throws(
      () => brokerTimeoutSeconds({ PACT_BROKER_TIMEOUT_SECONDS: 'soon' }),
      /PACT_BROKER_TIMEOUT_SECONDS is "soon"/,
    );
  });
});

describe('npm run pact:publish', () => {
  it('says clearly that no broker is configured, and exits 2', async () => {
    const { code, output } = await runEntryPoint('contracts/broker/run-broker-command.ts', {}, ['publish']);
    assert.equal(code, 2);
    assert.match(output, /^configuration error: PACT_BROKER_BASE_URL is not set, so there is no broker to publish to/m);
  });
  it('says which folder holds no pact, and how to write one, and exits 2, before it asks git for a branch', async () => {
    const empty = temporaryFolder('pacts');
    const { code, output } = await runEntryPoint(
      'contracts/broker/run-broker-command.ts',
      // A tag's pipeline, which has no branch to publish on: the missing pact is said first all the same.
      {
        PACT_BROKER_BASE_URL: 'https://broker.example.test',
        ENGAGE_PACT_DIR: empty,
        GITHUB_REF_TYPE: 'tag',
        GITHUB_REF_NAME: 'v1.0.0',
      },
      ['publish'],
    );
    assert.equal(code, 2, output);
    assert.match(output, /^configuration error: the pact folder \S+ holds no pact: run npm run test:pact first/m);
  });
  it('is stopped at its time limit against a broker that does not answer, without printing the token', async () => {
    const environment = {
      PACT_BROKER_BASE_URL: UNREACHABLE_URL,
      PACT_BROKER_TOKEN: 'broker-token-under-test',
      PACT_BROKER_TIMEOUT_SECONDS: '3',
    };
    const { code, output } = await runEntryPoint('contracts/broker/run-broker-command.ts', environment, [
      'can-i-deploy',
    ]);
    assert.equal(code, 124);
    assert.match(output, /did not finish within 3 s \(PACT_BROKER_TIMEOUT_SECONDS\) and was stopped/);
    assert.match(output, /^pact-broker can-i-deploy --broker-base-url http:\/\/127\.0\.0\.1:9/m);
    assert.doesNotMatch(output, /broker-token-under-test/);
  });
});
