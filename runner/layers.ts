// The layers of `npm start`, in order, each as the command that runs it and how long it may take:
// the schema self-check, contracts (consumer tests, then provider verification), e2e, and load.

import { typescriptProgram } from '../config/typescript-node.ts';
import { isProfileName, profileSeconds } from '../load/load-layer.ts';

export const LAYER_NAMES = ['schemas', 'contracts', 'e2e', 'load'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

export interface LayerStep {
  title: string;
  /** Node's arguments, worked out when the step runs: a layer left out builds no bundle. */
  args: () => string[];
}

export interface Layer {
  name: LayerName;
  title: string;
  steps: LayerStep[];
  timeoutSeconds: number;
}

/** What a layer may take at most, the load layer's beyond its profile's own length. */
const LAYER_TIMEOUT_SECONDS = 900;
/** The load layer's time beside its scenario: k6's start, setup(), the last lookups and the summaries. */
const LOAD_MARGIN_SECONDS = 300;

/** The load layer's timeout: 900 s, or the profile's length and a margin when that is longer (soak). */
function loadTimeoutSeconds(profile: string, duration: string | undefined): number {
  const seconds = isProfileName(profile) ? profileSeconds(profile, duration) : Number.NaN;
  return Number.isFinite(seconds)
    ? Math.max(LAYER_TIMEOUT_SECONDS, Math.ceil(seconds) + LOAD_MARGIN_SECONDS)
    : LAYER_TIMEOUT_SECONDS;
}

export function suiteLayers(options: { loadProfile: string; loadDuration?: string }): Layer[] {
  return [
    {
      name: 'schemas',
      title: 'schema self-check',
      timeoutSeconds: 60,
      steps: [{ title: 'schemas', args: () => typescriptProgram('schemas/self-check.ts') }],
    },
    {
      name: 'contracts',
      title: 'contract tests and provider verification',
      timeoutSeconds: 300,
      steps: [
        {
          title: 'consumer pact tests',
          // Run as a program, not under --test: node:test runs its tests all the same, without a second process.
          args: () => typescriptProgram('--test-reporter=spec', 'contracts/consumer/appointment-client.pact.test.ts'),
        },
        { title: 'provider verification', args: () => typescriptProgram('contracts/provider/verify-provider.ts') },
      ],
    },
    {
      name: 'e2e',
      title: 'end-to-end API tests',
      timeoutSeconds: LAYER_TIMEOUT_SECONDS,
      steps: [{ title: 'playwright', args: () => ['node_modules/@playwright/test/cli.js', 'test'] }],
    },
    {
      name: 'load',
      title: `load (${options.loadProfile} profile)`,
      timeoutSeconds: loadTimeoutSeconds(options.loadProfile, options.loadDuration),
      steps: [{ title: 'k6', args: () => typescriptProgram('load/run-load.ts', '--profile', options.loadProfile) }],
    },
  ];
}
