// How a setting is read from an environment (or from flags), in Node and k6 alike (no Node imports):
// trimmed, and unset when blank, so that `ENGAGE_BASE_URL=` in a .env file means "not set".

/** The setting's value, trimmed, or undefined when it is unset or blank. */
export function settingValue(settings: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = settings[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}
