// Runs one layer of `npm start`: its steps in turn as child processes in their own process group,
// output kept in a log file, stopped whole when the layer's time is up or the run is interrupted.
import { createWriteStream } from 'node:fs';
import { interruption, spawnWithDeadline } from '../config/child-processes.ts';
import type { Layer } from './layers.ts';

export type LayerOutcome = 'passed' | 'failed' | 'timed out' | 'skipped' | 'interrupted';

export interface LayerResult {
  name: string;
  title: string;
  outcome: LayerOutcome;
  durationSeconds: number;
  /** Why it failed, timed out or was skipped. */
  reason?: string;
  logFile?: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
const ansiEscapes = /\u001b\[[0-9;]*m/g;

/** Text without colour codes: Pact prints them whatever NO_COLOR says, and logs are read in a browser. */
export function withoutColourCodes(text: string): string {
  return text.replace(ansiEscapes, '');
}

/** node:test marks its children; a layer that runs node --test itself must not inherit the mark. */
function withoutTestContext(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_TEST_CONTEXT: _, ...rest } = environment;
  return rest;
}

export async function runLayer(layer: Layer, logFile: string, environment: NodeJS.ProcessEnv): Promise<LayerResult> {
  const started = performance.now();
  const log = createWriteStream(logFile);
  const deadline = Date.now() + layer.timeoutSeconds * 1000;
  const finish = (outcome: LayerOutcome, reason?: string): LayerResult => ({
    name: layer.name,
    title: layer.title,
    outcome,
    reason,
    logFile,
    durationSeconds: (performance.now() - started) / 1000,
  });
  try {
    for (const step of layer.steps) {
      log.write(`\n=== ${step.title}\n`);
      const { child, finished } = spawnWithDeadline(
        process.execPath,
        step.args(),
        { env: withoutTestContext(environment), stdio: ['ignore', 'pipe', 'pipe'] },
        deadline - Date.now(),
      );
      const write = (chunk: Buffer) => log.write(withoutColourCodes(String(chunk)));
      child.stdout?.on('data', write);
      child.stderr?.on('data', write);
      const { code, timedOut } = await finished;
      const signal = interruption();
      if (signal !== undefined) return finish('interrupted', `${step.title} was stopped by ${signal}`);
      if (timedOut)
        return finish(
          'timed out',
          `${step.title} did not finish within the layer's ${layer.timeoutSeconds} s and was stopped`,
        );
      if (code !== 0) return finish('failed', `${step.title} exited with code ${code}`);
    }
    return finish('passed');
  } finally {
    await new Promise((resolve) => log.end(resolve));
  }
}
