// Reads the sandbox's knobs for `npm run sandbox` from flags (--latency-ms 50) or SANDBOX_*
// variables; flags win. Every bad value is a ConfigError naming the flag or variable.
import { ConfigError } from '../config/config-error.ts';
import type { Environment } from '../config/environment-files.ts';
import { parseFlags } from '../config/parse-flags.ts';
import type { SandboxOptions } from './create-sandbox-app.ts';
import { FAULT_NAMES, isFaultName } from './faults.ts';
import { readSeedFile, SeedError } from './seed.ts';

const knobs = {
  port: { variable: 'SANDBOX_PORT' },
  'latency-ms': { variable: 'SANDBOX_LATENCY_MS' },
  'jitter-ms': { variable: 'SANDBOX_JITTER_MS' },
  'error-rate': { variable: 'SANDBOX_ERROR_RATE' },
  'rate-limit': { variable: 'SANDBOX_RATE_LIMIT' },
  'seed-file': { variable: 'SANDBOX_SEED_FILE' },
  'token-lifetime-s': { variable: 'SANDBOX_TOKEN_LIFETIME_S' },
  faults: { variable: 'SANDBOX_FAULTS' },
} as const;
type Knob = keyof typeof knobs;

export function readSandboxCliOptions(args: string[], environment: Environment): SandboxOptions & { port: number } {
  const options = Object.fromEntries(Object.keys(knobs).map((name) => [name, { type: 'string' as const }]));
  const flags = parseFlags(args, options, 'sandbox') as Partial<Record<Knob, string>>;
  const raw = (knob: Knob) => {
    const value = flags[knob] ?? environment[knobs[knob].variable];
    return value === undefined || value.trim() === ''
      ? undefined
      : { value: value.trim(), name: flags[knob] !== undefined ? `--${knob}` : knobs[knob].variable };
  };
  const number = (
    knob: Knob,
    fallback: number,
    { min, max, integer }: { min: number; max: number; integer?: boolean },
  ) => {
    const found = raw(knob);
    if (found === undefined) return fallback;
    const parsed = Number(found.value);
    if (!Number.isFinite(parsed) || parsed < min || parsed > max || (integer && !Number.isInteger(parsed))) {
      throw new ConfigError(
        found.name,
        `is "${found.value}" but must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`,
      );
    }
    return parsed;
  };
  const rateLimit = raw('rate-limit');
  if (rateLimit !== undefined && !['on', 'off', 'true', 'false', '1', '0'].includes(rateLimit.value)) {
    throw new ConfigError(rateLimit.name, `is "${rateLimit.value}" but must be on or off`);
  }
  const faults =
    raw('faults')
      ?.value.split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '') ?? [];
  const unknownFault = faults.find((name) => !isFaultName(name));
  if (unknownFault !== undefined) {
    throw new ConfigError(
      raw('faults')?.name ?? 'SANDBOX_FAULTS',
      `names unknown fault "${unknownFault}"; known: ${FAULT_NAMES.join(', ')}`,
    );
  }
  const seedFile = raw('seed-file');
  const latency = number('latency-ms', 0, { min: 0, max: 60_000 });
  const jitter = number('jitter-ms', 0, { min: 0, max: 60_000 });
  return {
    port: number('port', 4010, { min: 0, max: 65_535, integer: true }),
    latency: latency + jitter > 0 ? { fixedMilliseconds: latency, jitterMilliseconds: jitter } : undefined,
    errorRate: number('error-rate', 0, { min: 0, max: 1 }) || undefined,
    rateLimit: rateLimit !== undefined && ['on', 'true', '1'].includes(rateLimit.value),
    seed: seedFile === undefined ? undefined : readSeed(seedFile.name, seedFile.value),
    tokenLifetimeSeconds: number('token-lifetime-s', 300, { min: 1, max: 86_400, integer: true }),
    faults: faults.filter(isFaultName),
  };
}

function readSeed(name: string, file: string) {
  try {
    return readSeedFile(file);
  } catch (error) {
    if (error instanceof SeedError) throw new ConfigError(name, `is not a usable seed: ${error.message}`);
    throw error;
  }
}
