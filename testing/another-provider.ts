// Another correct provider for the suite's own tests: a sandbox with its own enterprise, id and
// default language, that accepts only tokens its realm issued, and the ENGAGE_* variables for it.
import { appointment, location, text } from '../sandbox/seed-helpers.ts';
import { type RunningSandbox, startSandbox } from '../sandbox/start-sandbox.ts';
import { issueSandboxToken } from './issue-sandbox-token.ts';

export interface AnotherProvider {
  sandbox: RunningSandbox;
  /** A real token of this provider, unique, for scanning outputs. */
  token: string;
  environment: Record<string, string>;
}

export async function startAnotherProvider(): Promise<AnotherProvider> {
  const scheduled = appointment('globex-7', {
    location: location({ city: [text('fr', 'Gand'), text('de', 'Gent')], state: [], street1: [], street2: [] }),
  });
  const sandbox = await startSandbox({
    seed: { enterprises: [{ id: 'globex', defaultLanguage: 'fr', appointments: [scheduled] }] },
  });
  const token = await issueSandboxToken(sandbox.url, 'globex');
  const environment = {
    ENGAGE_BASE_URL: sandbox.url,
    ENGAGE_ENTERPRISE: 'globex',
    ENGAGE_TOKEN: token,
    ENGAGE_APPOINTMENT_ID: 'globex-7',
    ENGAGE_DEFAULT_LANGUAGE: 'fr',
  };
  return { sandbox, token, environment };
}
