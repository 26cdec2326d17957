// The sandbox as every layer starts it when ENGAGE_BASE_URL is unset: on an ephemeral port, with the
// SANDBOX_* knobs of the environment (latency, errors, faults, seed) applied. A layer may turn rate
// limiting on when SANDBOX_RATE_LIMIT leaves it unsaid (e2e checks the `rate-limit` expectation).
import type { Environment } from '../config/environment-files.ts';
import { readSandboxCliOptions } from './sandbox-cli-options.ts';
import { type RunningSandbox, startSandbox } from './start-sandbox.ts';

export function startEmbeddedSandbox(
  environment: Environment = process.env,
  { rateLimitByDefault = false } = {},
): Promise<RunningSandbox> {
  const options = readSandboxCliOptions([], environment);
  const rateLimit = environment.SANDBOX_RATE_LIMIT === undefined ? rateLimitByDefault : options.rateLimit;
  return startSandbox({ ...options, rateLimit, port: 0 });
}
