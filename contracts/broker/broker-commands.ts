// The pact-broker command lines of `npm run pact:publish` and `npm run pact:can-i-deploy`, built from
// PACT_BROKER_* and git. The token never appears on a command line: the CLI reads PACT_BROKER_TOKEN
// from the environment itself.
import { ConfigError } from '../../config/config-error.ts';
import type { Environment } from '../../config/environment-files.ts';
import { readHttpUrl } from '../../config/http-url.ts';
import { readNumber } from '../../config/read-number.ts';
import { settingValue } from '../../config/setting-value.ts';
import { branchOf, type GitVersion } from '../git-version.ts';
import { CONSUMER_NAME, PACT_DIRECTORY } from '../participants.ts';

const DEFAULT_BROKER_TIMEOUT_SECONDS = 120;

export function brokerUrl(environment: Environment, purpose: string): string {
  const url = settingValue(environment, 'PACT_BROKER_BASE_URL');
  if (url === undefined) {
    throw new ConfigError(
      'PACT_BROKER_BASE_URL',
      `is not set, so there is no broker to ${purpose} (set it, and PACT_BROKER_TOKEN, to use one)`,
    );
  }
  return readHttpUrl('PACT_BROKER_BASE_URL', url, 'https://your-team.pactflow.io');
}

/** The setting a failed broker command points at, read from what the CLI printed; undefined if none. */
export function brokerFailureHint(output: string): string | undefined {
  if (/\b401\b|Unauthorized/.test(output)) return 'the broker refused the token: check PACT_BROKER_TOKEN';
  if (/\b403\b|Forbidden/.test(output)) return 'the token may not do this: check the permissions of PACT_BROKER_TOKEN';
  if (
    /ECONNREFUSED|Connection refused|Failed to open TCP connection|getaddrinfo|Name or service not known|nodename nor servname|ENOTFOUND|EAI_AGAIN/i.test(
      output,
    )
  )
    return 'the broker could not be reached: check PACT_BROKER_BASE_URL';
  if (/certificate verify failed|SSL_connect|TLS handshake|x509:/i.test(output))
    return "the broker's TLS certificate was refused: check PACT_BROKER_BASE_URL, or the runner's CA certificates";
  if (/No pacts found for provider/.test(output))
    return "the broker holds no pact of this suite that the selectors match: publish one first (npm run pact:publish), from main or this run's branch";
  if (/\b404 Not Found\b/.test(output))
    return 'the broker has no such resource: check that PACT_BROKER_BASE_URL is the broker root, that the pact was published, and PACT_DEPLOY_ENVIRONMENT';
  return undefined;
}

/** Seconds after which a broker command is stopped. */
export function brokerTimeoutSeconds(environment: Environment): number {
  const rule = { fallback: DEFAULT_BROKER_TIMEOUT_SECONDS, min: 1, max: 3600, whole: true, unit: 'seconds' };
  return readNumber('PACT_BROKER_TIMEOUT_SECONDS', environment.PACT_BROKER_TIMEOUT_SECONDS, rule);
}

export function publishArguments(environment: Environment, git: GitVersion): string[] {
  return [
    'publish',
    PACT_DIRECTORY,
    '--broker-base-url',
    brokerUrl(environment, 'publish to'),
    '--consumer-app-version',
    git.sha,
    '--branch',
    branchOf(git),
    '--retries',
    '3',
  ];
}

/** The environment a deployment goes to: PACT_DEPLOY_ENVIRONMENT, production unless told. */
const deployEnvironment = (environment: Environment) =>
  settingValue(environment, 'PACT_DEPLOY_ENVIRONMENT') ?? 'production';

export function canIDeployArguments(environment: Environment, git: GitVersion): string[] {
  const target = deployEnvironment(environment);
  return [
    'can-i-deploy',
    '--broker-base-url',
    brokerUrl(environment, 'ask'),
    '--pacticipant',
    CONSUMER_NAME,
    '--version',
    git.sha,
    '--to-environment',
    target,
    // Wait for pending verifications, but boundedly: 6 tries 10 s apart.
    '--retry-while-unknown',
    '6',
    '--retry-interval',
    '10',
    '--retries',
    '3',
  ];
}

/** After the deploy: the consumer at the git sha is now in the environment, so can-i-deploy knows. */
export function recordDeploymentArguments(environment: Environment, git: GitVersion): string[] {
  return [
    'record-deployment',
    '--broker-base-url',
    brokerUrl(environment, 'record a deployment in'),
    '--pacticipant',
    CONSUMER_NAME,
    '--version',
    git.sha,
    '--environment',
    deployEnvironment(environment),
  ];
}
