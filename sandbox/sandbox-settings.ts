// The sandbox's settings, read from SANDBOX_* variables for every sandbox the suite starts, and from
// flags too for `npm run sandbox` (--latency-ms 50; flags win). A bad value is a ConfigError naming it.
import { ConfigError } from '../config/config-error.ts';
import type { Environment } from '../config/environment-files.ts';
import { isOn, ON_OFF_WORDS, readOnOff } from '../config/on-off-setting.ts';
import { parseFlags } from '../config/parse-flags.ts';
import { readNumber } from '../config/read-number.ts';
import { settingValue } from '../config/setting-value.ts';
import type { SandboxOptions } from './create-sandbox-app.ts';
import { FAULT_NAMES, isFaultName } from './faults.ts';
import { DEFAULT_TOKEN_LIFETIME_SECONDS } from './sandbox-auth.ts';
import { readSeedFile, SeedError } from './seed.ts';

const knobs = {
  port: { variable: 'SANDBOX_PORT', help: 'the port on 127.0.0.1; default 4010, 0 for any free one' },
  'latency-ms': { variable: 'SANDBOX_LATENCY_MS', help: 'fixed latency added to each request; default 0' },
  'jitter-ms': { variable: 'SANDBOX_JITTER_MS', help: 'up to this much more latency, at random; default 0' },
  'error-rate': { variable: 'SANDBOX_ERROR_RATE', help: 'share of requests answered 500, 0 to 1; default 0' },
  'rate-limit': { variable: 'SANDBOX_RATE_LIMIT', help: 'on: the documented limits, else 429; default off' },
  'seed-file': { variable: 'SANDBOX_SEED_FILE', help: 'a JSON seed instead of the built-in data' },
  'token-lifetime-s': {
    variable: 'SANDBOX_TOKEN_LIFETIME_S',
    help: `client-credentials token lifetime; default ${DEFAULT_TOKEN_LIFETIME_SECONDS}`,
  },
  faults: { variable: 'SANDBOX_FAULTS', help: `deliberate faults, comma-separated: ${FAULT_NAMES.join(', ')}` },
} as const;
type Knob = keyof typeof knobs;

export interface SandboxChoices {
  /** Rate limiting when SANDBOX_RATE_LIMIT (or --rate-limit) leaves it unsaid: on for e2e, which checks the 429 (`rate-limit` expectation). */
  rateLimitByDefault?: boolean;
}

export function readSandboxSettings(
  args: string[],
  environment: Environment,
  { rateLimitByDefault = false }: SandboxChoices = {},
): SandboxOptions & { port: number } {
  const options = Object.fromEntries(
    Object.entries(knobs).map(([name, { variable, help }]) => [name, { type: 'string' as const, help, variable }]),
  );
  const flags = parseFlags(
    args,
    options,
    'npm run sandbox',
    'Serves the embedded sandbox on 127.0.0.1 until Ctrl-C.',
    environment,
  ) as Partial<Record<Knob, string>>;
  const raw = (knob: Knob) => {
    const fromFlag = flags[knob] !== undefined;
    const value = fromFlag ? settingValue(flags, knob) : settingValue(environment, knobs[knob].variable);
    return value === undefined ? undefined : { value, name: fromFlag ? `--${knob}` : knobs[knob].variable };
  };
  const number = (knob: Knob, fallback: number, rule: { min: number; max: number; whole?: boolean }) => {
    const found = raw(knob);
    return readNumber(found?.name ?? knobs[knob].variable, found?.value, { ...rule, fallback });
  };
  const rateLimit = raw('rate-limit');
  if (rateLimit !== undefined && readOnOff(rateLimit.value) === null) {
    throw new ConfigError(rateLimit.name, `is "${rateLimit.value}" but must be ${ON_OFF_WORDS}`);
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
    port: number('port', 4010, { min: 0, max: 65_535, whole: true }),
    latency: latency + jitter > 0 ? { fixedMilliseconds: latency, jitterMilliseconds: jitter } : undefined,
    errorRate: number('error-rate', 0, { min: 0, max: 1 }) || undefined,
    rateLimit: rateLimit === undefined ? rateLimitByDefault : isOn(rateLimit.value),
    seed: seedFile === undefined ? undefined : readSeed(seedFile.name, seedFile.value),
    tokenLifetimeSeconds: number('token-lifetime-s', DEFAULT_TOKEN_LIFETIME_SECONDS, {
      min: 1,
      max: 86_400,
      whole: true,
    }),
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
