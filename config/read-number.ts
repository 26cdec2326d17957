// Reads a number from a variable or flag, within bounds, or stops with one line naming it: one rule
// for every numeric setting (request timeout, layer timeout, broker timeout, the sandbox's knobs, k6).
import { ConfigError } from './config-error.ts';

export interface NumberRule {
  min: number;
  max?: number;
  /** Whole numbers only. */
  whole?: boolean;
  /** What the number counts, for the message: "milliseconds", "seconds". */
  unit?: string;
}

/** The number `raw` holds; `fallback` when it is unset or blank. */
export function readNumber(name: string, raw: string | undefined, rule: NumberRule & { fallback: number }): number;
export function readNumber(name: string, raw: string | undefined, rule: NumberRule): number | undefined;
export function readNumber(
  name: string,
  raw: string | undefined,
  { min, max, whole = false, unit, fallback }: NumberRule & { fallback?: number },
): number | undefined {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (
    !Number.isFinite(value) ||
    (whole && !Number.isInteger(value)) ||
    value < min ||
    (max !== undefined && value > max)
  ) {
    const kind = `${whole ? 'a whole number' : 'a number'}${unit === undefined ? '' : ` of ${unit}`}`;
    throw new ConfigError(
      name,
      `is "${raw}" but must be ${kind} ${max === undefined ? `of at least ${min}` : `from ${min} to ${max}`}`,
    );
  }
  return value;
}

/** ENGAGE_REQUEST_TIMEOUT_MS, for the Node layers and k6 alike. */
export const REQUEST_TIMEOUT_RULE = { min: 100, max: 600_000, whole: true, unit: 'milliseconds', fallback: 10_000 };
