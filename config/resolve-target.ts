// The one place a run's target is resolved from its config: the configured base URL, or, when
// ENGAGE_BASE_URL is unset, the embedded sandbox started for this process on an ephemeral port with
// the SANDBOX_* knobs applied. The runner and every layer that sends requests name it with one label.

import { readSandboxSettings, type SandboxChoices } from '../sandbox/sandbox-settings.ts';
import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import type { Environment } from './environment-files.ts';
import type { SuiteConfig } from './suite-config.ts';

export interface ResolvedTarget {
  url: string;
  /** How progress lines and reports name it. */
  label: string;
  /** The embedded sandbox, when it is the target: provider states seed it directly. */
  sandbox?: RunningSandbox;
  /** Stops the embedded sandbox; nothing for a remote target. */
  close(): Promise<void>;
}

/** The target's label, known before anything starts. */
export function targetLabel(config: SuiteConfig): string {
  return config.target.kind === 'remote' ? config.target.baseUrl : 'the embedded sandbox';
}

export async function resolveTarget(
  config: SuiteConfig,
  environment: Environment,
  choices: SandboxChoices = {},
): Promise<ResolvedTarget> {
  const label = targetLabel(config);
  if (config.target.kind === 'remote') return { url: config.target.baseUrl, label, close: async () => {} };
  // Loaded only here: a process that only names the target does not load the sandbox.
  const { startSandbox } = await import('../sandbox/start-sandbox.ts');
  const sandbox = await startSandbox({ ...readSandboxSettings([], environment, choices), port: 0 });
  return { url: sandbox.url, label, sandbox, close: () => sandbox.close() };
}
