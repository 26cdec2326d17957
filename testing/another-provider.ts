// Another correct provider for the suite's own tests: a sandbox with its own enterprise, id and
// default language, other JSON media types (errors as application/problem+json), date-times in every
// RFC 3339 style (no fraction, 3 or 6 digits, an offset), that
// accepts only tokens its realm issued, and the ENGAGE_* variables for it.
import { appointment, location, text } from '../sandbox/seed-helpers.ts';
import { type RunningSandbox, startSandbox } from '../sandbox/start-sandbox.ts';
import { issueSandboxToken } from './issue-sandbox-token.ts';

export interface AnotherProvider {
  sandbox: RunningSandbox;
  /** A real token of this provider, unique, for scanning outputs. */
  token: string;
  environment: Record<string, string>;
}

/** Appointments whose date-times take each valid RFC 3339 style; the first is the configured one. */
export const DATE_TIME_STYLES = {
  'globex-7': ['2026-09-17T14:30:00Z', '2026-09-17T15:00:00Z'],
  'globex-millis': ['2026-09-17T14:30:00.000Z', '2026-09-17T15:00:00.000Z'],
  'globex-micros': ['2026-09-17T14:30:00.123456Z', '2026-09-17T15:00:00.654321Z'],
  'globex-offset': ['2026-09-17T16:30:00+02:00', '2026-09-17T17:00:00+02:00'],
} as const;

export async function startAnotherProvider(): Promise<AnotherProvider> {
  const appointments = Object.entries(DATE_TIME_STYLES).map(([id, [start, end]]) =>
    appointment(id, {
      start,
      end,
      createdAt: start,
      updatedAt: end,
      location: location({ city: [text('fr', 'Gand'), text('de', 'Gent')], state: [], street1: [], street2: [] }),
    }),
  );
  const sandbox = await startSandbox({
    seed: { enterprises: [{ id: 'globex', defaultLanguage: 'fr', appointments }] },
    // Other JSON media types than the sandbox's: errors as RFC 9457 problem details.
    contentTypes: { ok: 'application/json', error: 'application/problem+json; charset=UTF-8' },
  });
  const token = await issueSandboxToken(sandbox.url, 'globex');
  const environment = {
    ENGAGE_BASE_URL: sandbox.url,
    ENGAGE_ENTERPRISE: 'globex',
    ENGAGE_TOKEN: token,
    ENGAGE_APPOINTMENT_ID: 'globex-7',
    ENGAGE_APPOINTMENT_IDS: Object.keys(DATE_TIME_STYLES).join(','),
    ENGAGE_DEFAULT_LANGUAGE: 'fr',
  };
  return { sandbox, token, environment };
}
