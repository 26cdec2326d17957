// The flags of `npm start`: which layers (--only, --skip), which environment file (--env), the load
// profile, whether a missing k6 refuses the run (--require-load), and a timeout override per layer.
import { ConfigError } from '../config/config-error.ts';
import { ENV_FLAG, parseFlags } from '../config/parse-flags.ts';
import { readNumber } from '../config/read-number.ts';
import { chosenProfile, LOAD_FLAGS, PROFILE_NAMES } from '../load/load-layer.ts';
import { LAYER_NAMES, type LayerName } from './layers.ts';

export interface RunnerOptions {
  layers: LayerName[];
  environmentName?: string;
  /** --profile, if given; else ENGAGE_LOAD_PROFILE, else smoke (chosenProfile, as npm run load reads it). */
  loadProfile?: string;
  /** Why a missing k6 refuses the run, when it does: --require-load, load the only layer asked for, or named in --only. */
  requireLoad?: string;
  layerTimeoutSeconds?: number;
  /** --baseline: the reports folder of an earlier run to compare this one with. */
  baselineFolder?: string;
}

function layerList(flag: string, raw: string | undefined): LayerName[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.find((name) => !(LAYER_NAMES as readonly string[]).includes(name));
  if (unknown !== undefined)
    throw new ConfigError(flag, `names unknown layer "${unknown}"; layers: ${LAYER_NAMES.join(', ')}`);
  return names as LayerName[];
}

export function readRunnerOptions(
  args: string[],
  environment: Record<string, string | undefined> = process.env,
): RunnerOptions {
  const values = parseFlags(
    args,
    {
      only: { type: 'string', help: `run only these layers, comma-separated: ${LAYER_NAMES.join(', ')}` },
      skip: { type: 'string', help: 'run all layers but these, comma-separated' },
      env: ENV_FLAG,
      profile: {
        type: 'string',
        help: `the load profile, one of ${PROFILE_NAMES.join(', ')}; default smoke`,
        variable: 'ENGAGE_LOAD_PROFILE',
      },
      'require-load': {
        type: 'boolean',
        help: 'refuse to run when k6 is not found, instead of skipping load (so does an --only that names load)',
      },
      'layer-timeout': { type: 'string', help: 'seconds each layer may take, overriding every default' },
      baseline: {
        type: 'string',
        help: "an earlier run's reports folder: fail when latency or errors regressed past slo.json",
        variable: 'ENGAGE_BASELINE_DIR',
      },
    },
    'npm start',
    'Runs the whole suite against ENGAGE_BASE_URL (unset: the embedded sandbox) and writes one report.',
    environment,
    { command: 'npm run load', flags: LOAD_FLAGS },
  );
  const only = layerList('--only', values.only as string | undefined);
  const skip = layerList('--skip', values.skip as string | undefined) ?? [];
  const layers = (only ?? [...LAYER_NAMES]).filter((name) => !skip.includes(name));
  // An empty list (an unset variable in `--only "$LAYERS"`) would pass having checked nothing.
  if (layers.length === 0)
    throw new ConfigError(
      only?.length === 0 ? '--only' : '--skip',
      `leaves no layer to run; layers: ${LAYER_NAMES.join(', ')}`,
    );
  const loadProfile = values.profile as string | undefined;
  // Refused with the other flags, before anything else is read.
  if (loadProfile !== undefined) chosenProfile(loadProfile, {});
  const timeout = values['layer-timeout'] as string | undefined;
  const layerTimeoutSeconds = readNumber('--layer-timeout', timeout, { min: 1, whole: true, unit: 'seconds' });
  return {
    layers,
    environmentName: values.env as string | undefined,
    loadProfile,
    // A run of the load layer alone that skipped it would pass having checked nothing, and one that
    // names it in --only asked for it.
    requireLoad:
      values['require-load'] === true
        ? '--require-load was given'
        : layers.length === 1 && layers[0] === 'load'
          ? 'load is the only layer asked for'
          : only?.includes('load')
            ? '--only names load'
            : undefined,
    layerTimeoutSeconds,
    baselineFolder: values.baseline as string | undefined,
  };
}
