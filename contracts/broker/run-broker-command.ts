// `npm run pact:publish`, `pact:can-i-deploy` and `pact:record-deployment`: runs the pact-broker CLI
// that ships inside @pact-foundation/pact-cli, with versions from git and a bounded time.

import { createRequire } from 'node:module';
import { forwardStopSignals, spawnWithDeadline } from '../../config/child-processes.ts';
import { ConfigError } from '../../config/config-error.ts';
import { runMain } from '../../config/entry-point.ts';
import { readEnvironment } from '../../config/environment-files.ts';
import { readGitVersion } from '../git-version.ts';
import {
  brokerTimeoutSeconds,
  canIDeployArguments,
  publishArguments,
  recordDeploymentArguments,
} from './broker-commands.ts';

const builders = {
  publish: publishArguments,
  'can-i-deploy': canIDeployArguments,
  'record-deployment': recordDeploymentArguments,
};

await runMain(async () => {
  const action = process.argv[2];
  if (!(action !== undefined && action in builders)) {
    throw new ConfigError('action', `"${action}" is not one of ${Object.keys(builders).join(', ')}`);
  }
  const environment = readEnvironment();
  const args = builders[action as keyof typeof builders](environment, readGitVersion(environment));
  const timeout = brokerTimeoutSeconds(environment);
  // The native binary itself, not the package's Node wrapper around it.
  const { standalone } = createRequire(import.meta.url)('@pact-foundation/pact-cli/src/pact-standalone') as {
    standalone: () => { pactFullPath: string };
  };
  console.log(`pact-broker ${args.join(' ')} (stopped after ${timeout} s)`);
  // Its own process group, so that the timeout (or Ctrl-C) also stops the helpers the binary starts.
  forwardStopSignals();
  const { code, timedOut } = await spawnWithDeadline(
    standalone().pactFullPath,
    ['broker', ...args],
    { stdio: 'inherit' },
    timeout * 1000,
  ).finished;
  if (timedOut) {
    console.error(
      `pact-broker ${action} did not finish within ${timeout} s (PACT_BROKER_TIMEOUT_SECONDS) and was stopped`,
    );
  }
  process.exitCode = timedOut ? 124 : (code ?? 1);
});
