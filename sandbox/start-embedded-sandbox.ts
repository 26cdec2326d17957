// The sandbox as every layer starts it when ENGAGE_BASE_URL is unset: on an ephemeral port, with the
// SANDBOX_* knobs of the environment (latency, errors, faults, seed) applied.
import type { Environment } from '../config/environment-files.ts';
import { readSandboxCliOptions } from './sandbox-cli-options.ts';
import { type RunningSandbox, startSandbox } from './start-sandbox.ts';

export function startEmbeddedSandbox(environment: Environment = process.env): Promise<RunningSandbox> {
  return startSandbox({ ...readSandboxCliOptions([], environment), port: 0 });
}
