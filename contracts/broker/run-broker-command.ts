// `npm run pact:publish`, `pact:can-i-deploy` and `pact:record-deployment`: runs the pact-broker CLI
// that ships inside @pact-foundation/pact-cli, with versions from git and a bounded time.

import { createRequire } from 'node:module';
import { forwardStopSignals, spawnWithDeadline } from '../../config/child-processes.ts';
import { ConfigError } from '../../config/config-error.ts';
import { runMain } from '../../config/entry-point.ts';
import { type Environment, readEnvironment } from '../../config/environment-files.ts';
import { useEnvFlag } from '../../config/parse-flags.ts';
import { warnOfUnknownSettings } from '../../config/setting-names.ts';
import { settingValue } from '../../config/setting-value.ts';
import { readGitVersion } from '../git-version.ts';
import { PACT_DIRECTORY, pactFiles } from '../participants.ts';
import {
  brokerFailureHint,
  brokerTimeoutSeconds,
  brokerUrl,
  canIDeployArguments,
  publishArguments,
  recordDeploymentArguments,
} from './broker-commands.ts';

/** What each command does, for its --help. */
const SUMMARIES = {
  publish: 'Publishes the pacts in ENGAGE_PACT_DIR to PACT_BROKER_BASE_URL under the git sha and branch.',
  'can-i-deploy':
    'Asks PACT_BROKER_BASE_URL whether the consumer at the git sha can go to PACT_DEPLOY_ENVIRONMENT (production unless set).',
  'record-deployment':
    'Records that the consumer at the git sha went to PACT_DEPLOY_ENVIRONMENT (production unless set).',
};

const builders = {
  publish: publishArguments,
  'can-i-deploy': canIDeployArguments,
  'record-deployment': recordDeploymentArguments,
};

/**
 * The CLI's environment: the shell's, with the PACT_BROKER_* settings as the suite reads them, so
 * that a token in a .env file is sent like one set in the shell, and a blank one is unset. The
 * CLI reads PACT_BROKER_TOKEN (or _USERNAME and _PASSWORD) itself; nothing else of the .env files
 * (the target's secrets, a CA file) reaches it.
 */
function brokerEnvironment(environment: Environment): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The environment read holds the shell's variables too, over the files'.
  for (const name of Object.keys(environment).filter((key) => key.startsWith('PACT_BROKER_'))) {
    const value = settingValue(environment, name);
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

await runMain(async () => {
  const action = process.argv[2];
  if (!(action !== undefined && action in builders)) {
    throw new ConfigError('action', `"${action}" is not one of ${Object.keys(builders).join(', ')}`);
  }
  useEnvFlag(process.argv.slice(3), `npm run pact:${action}`, SUMMARIES[action as keyof typeof builders]);
  const environment = readEnvironment();
  warnOfUnknownSettings(environment);
  // A publish checks its broker's URL, then that it has a pact, before the versions are read from git:
  // nothing to publish is the next thing to fix, on any checkout (a tag's, a detached one).
  if (action === 'publish') {
    brokerUrl(environment, 'publish to');
    if (pactFiles().length === 0)
      throw new ConfigError(
        'the pact folder',
        `${PACT_DIRECTORY} holds no pact: run npm run test:pact first, which writes it (ENGAGE_PACT_DIR says where)`,
      );
  }
  const args = builders[action as keyof typeof builders](environment, readGitVersion(environment));
  const timeout = brokerTimeoutSeconds(environment);
  // The native binary itself, not the package's Node wrapper around it.
  const { standalone } = createRequire(import.meta.url)('@pact-foundation/pact-cli/src/pact-standalone') as {
    standalone: () => { pactFullPath: string };
  };
  console.log(`pact-broker ${args.join(' ')} (stopped after ${timeout} s)`);
  // Its own process group, so that the timeout (or Ctrl-C) also stops the helpers the binary starts.
  forwardStopSignals();
  const { child, finished } = spawnWithDeadline(
    standalone().pactFullPath,
    ['broker', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: brokerEnvironment(environment) },
    timeout * 1000,
  );
  // Passed on as it comes, and kept, so that a failure can end with the setting to check.
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
    process.stderr.write(chunk);
  });
  const { code, timedOut } = await finished;
  if (timedOut) {
    console.error(
      `pact-broker ${action} did not finish within ${timeout} s (PACT_BROKER_TIMEOUT_SECONDS) and was stopped`,
    );
  }
  const hint = code !== 0 && !timedOut ? brokerFailureHint(output) : undefined;
  if (hint !== undefined) console.error(`pact-broker ${action} failed: ${hint}`);
  process.exitCode = timedOut ? 124 : (code ?? 1);
});
