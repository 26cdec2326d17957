// The layers of `npm start`, in order, each as the command that runs it and how long it may take:
// the schema self-check, contracts (consumer tests, then provider verification), e2e, and load.

import { typescriptProgram } from '../config/typescript-node.ts';

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

export function suiteLayers(options: { loadProfile: string }): Layer[] {
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
      timeoutSeconds: 900,
      steps: [{ title: 'playwright', args: () => ['node_modules/@playwright/test/cli.js', 'test'] }],
    },
    {
      name: 'load',
      title: `load (${options.loadProfile} profile)`,
      timeoutSeconds: 900,
      steps: [{ title: 'k6', args: () => typescriptProgram('load/run-load.ts', '--profile', options.loadProfile) }],
    },
  ];
}
