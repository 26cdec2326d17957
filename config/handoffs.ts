// The variables one process of the suite hands another, named in one typed place (Node and k6 alike,
// so no Node imports): npm start → every layer, Playwright's global setup → its workers, npm run
// load → k6. A user may set the first three too; the others are the suite's own.

import { settingValue } from './setting-value.ts';

export interface Handoffs {
  /** npm start, npm run load, verify:provider and pact:* → themselves and every process they start: `--env <name>`, the .env.<name> file to read. */
  ENGAGE_ENV: string;
  /** npm start → every layer: the run's reports folder (default reports/). */
  ENGAGE_REPORTS_DIR: string;
  /** npm start → contracts: where the consumer tests write pacts and verification reads them. */
  ENGAGE_PACT_DIR: string;
  /** e2e global setup → workers: the URL the checks send to (the target, or the sandbox it started). */
  ENGAGE_E2E_TARGET_URL: string;
  /** e2e global setup → workers: why the target counts as down, naming it; unset when it answered. */
  ENGAGE_E2E_TARGET_DOWN: string;
  /** e2e global setup → workers: the file of the seconds the run waited for 429s (e2e/rate-limit-waits.ts). */
  ENGAGE_E2E_WAITS_FILE: string;
  /** npm run load → k6: "true" when the target is the embedded sandbox, which the rate-limit guard spares. */
  ENGAGE_LOAD_TARGET_IS_SANDBOX: string;
  /** npm start → every layer: "true": npm start has warned of the settings it does not read, so the layers do not again. */
  ENGAGE_SETTINGS_WARNED: string;
}

export type HandoffName = keyof Handoffs;

/** Every handoff's name, for the list of the names the suite reads (setting-names.ts). */
export const HANDOFF_NAMES = Object.keys({
  ENGAGE_ENV: true,
  ENGAGE_REPORTS_DIR: true,
  ENGAGE_PACT_DIR: true,
  ENGAGE_E2E_TARGET_URL: true,
  ENGAGE_E2E_TARGET_DOWN: true,
  ENGAGE_E2E_WAITS_FILE: true,
  ENGAGE_LOAD_TARGET_IS_SANDBOX: true,
  ENGAGE_SETTINGS_WARNED: true,
} satisfies Record<HandoffName, true>) as HandoffName[];

/** A handoff's value, or undefined when it is unset or blank. */
export const readHandoff = (environment: Readonly<Record<string, string | undefined>>, name: HandoffName) =>
  settingValue(environment, name);

/** Handoffs as environment variables for a child process. */
export function handOff(values: Partial<Handoffs>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<
    string,
    string
  >;
}
