// Reads a whole number from a variable, within bounds, or stops with one line naming the variable.
import { ConfigError } from './config-error.ts';

export interface WholeNumberRule {
  fallback: number;
  min: number;
  max: number;
  /** What the number counts, for the message: "milliseconds", "seconds". */
  unit: string;
}

export function readWholeNumber(
  variable: string,
  raw: string | undefined,
  { fallback, min, max, unit }: WholeNumberRule,
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(variable, `is "${raw}" but must be a whole number of ${unit} from ${min} to ${max}`);
  }
  return value;
}
