// What an on/off setting (ENGAGE_LOAD_ALLOW_ABOVE_RATE_LIMIT, SANDBOX_RATE_LIMIT, ...) may say, for
// Node and k6 alike (no Node imports): one list of words for on and one for off, any case.
import { ConfigError } from './config-error.ts';

const ON = ['true', '1', 'yes', 'on'];
const OFF = ['false', '0', 'no', 'off'];

/** The words a setting may use, for messages. */
export const ON_OFF_WORDS = 'true/false, 1/0, yes/no or on/off';

/** True or false for a known word, undefined when the value is unset or blank, null for anything else. */
export function readOnOff(value: string | undefined): boolean | undefined | null {
  const word = value?.trim().toLowerCase();
  if (word === undefined || word === '') return undefined;
  if (ON.includes(word)) return true;
  if (OFF.includes(word)) return false;
  return null;
}

/** Whether the setting is on: unset, blank or an unknown word is off. */
export function isOn(value: string | undefined): boolean {
  return readOnOff(value) === true;
}

/** The on/off setting `variable` of `environment`: unset or blank is off, a word of neither list a ConfigError. */
export function onOffSetting(environment: Readonly<Record<string, string | undefined>>, variable: string): boolean {
  const value = environment[variable];
  const read = readOnOff(value);
  if (read === null) throw new ConfigError(variable, `is "${value}", which is neither on nor off: use ${ON_OFF_WORDS}`);
  return read === true;
}
