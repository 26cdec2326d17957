// `npm run sandbox`: serves the embedded sandbox on 127.0.0.1 until SIGINT or SIGTERM (exit 130 or 143).

import { SANDBOX_DEFAULTS } from '../config/api-facts.ts';
import { EXIT_CODE_FOR, forwardStopSignals } from '../config/child-processes.ts';
import { ConfigError } from '../config/config-error.ts';
import { runMain } from '../config/entry-point.ts';
import { readEnvironment } from '../config/environment-files.ts';
import { warnOfUnknownSettings } from '../config/setting-names.ts';
import { defaultSeed } from './default-seed.ts';
import { readSandboxSettings } from './sandbox-settings.ts';
import { startSandbox } from './start-sandbox.ts';

await runMain(async () => {
  const environment = readEnvironment();
  warnOfUnknownSettings(environment);
  const options = readSandboxSettings(process.argv.slice(2), environment);
  const sandbox = await startSandbox(options).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE')
      throw new ConfigError(
        'SANDBOX_PORT',
        `${options.port} is already in use on 127.0.0.1: stop what serves it, or give another port (0 picks a free one)`,
      );
    throw error;
  });
  const enterprises = (options.seed ?? defaultSeed).enterprises.map((enterprise) => enterprise.id).join(', ');
  console.log(
    `sandbox listening on ${sandbox.url} (enterprise ${enterprises}, token ${SANDBOX_DEFAULTS.token}; Ctrl-C stops it)`,
  );
  const stop = async (signal: 'SIGINT' | 'SIGTERM') => {
    await sandbox.close();
    console.log(`sandbox stopped (${signal})`);
    process.exit(EXIT_CODE_FOR[signal]);
  };
  // As every command of the suite takes them: npm's echo of a Ctrl-C is not a second one.
  forwardStopSignals((signal) => void stop(signal));
});
