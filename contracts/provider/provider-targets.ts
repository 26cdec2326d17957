// What provider verification runs against: the embedded sandbox, whose state handlers seed it, or a
// configured environment, whose state handlers only map states to ENGAGE_* ids and call nothing.
// pact-js exports these types only from their own module.
import type { StateHandlers } from '@pact-foundation/pact/src/dsl/verifier/proxy/types.js';
import { ConfigError } from '../../config/config-error.ts';
import { SANDBOX_DEFAULTS, type SuiteConfig } from '../../config/suite-config.ts';
import { appointment, docsAppointment, location, text } from '../../sandbox/seed-helpers.ts';
import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';
import { ProviderState } from '../provider-states.ts';

const SANDBOX_ENTERPRISE = SANDBOX_DEFAULTS.enterprise;

type Parameters = { id?: string; language?: string };
const parametersOf = (parameters: unknown): Parameters => (parameters ?? {}) as Parameters;

/** State handlers that seed the sandbox with exactly what each state asks for. */
export function sandboxStateHandlers(sandbox: RunningSandbox): StateHandlers {
  const teardown = async () => {
    sandbox.store.reset();
    return undefined;
  };
  return {
    [ProviderState.appointmentExists]: {
      setup: async (parameters) => {
        const id = parametersOf(parameters).id ?? '123';
        sandbox.store.put(SANDBOX_ENTERPRISE, { ...docsAppointment, id });
        return { enterprise: SANDBOX_ENTERPRISE, id };
      },
      teardown,
    },
    [ProviderState.appointmentScheduledWithTranslatedLocation]: {
      setup: async (parameters) => {
        const { id = 'scheduled', language = 'nl' } = parametersOf(parameters);
        const city = [text('en', 'Ghent'), text(language, `Ghent (${language})`)];
        sandbox.store.put(
          SANDBOX_ENTERPRISE,
          appointment(id, { location: location({ city, state: [], street1: [], street2: [] }) }),
        );
        return { enterprise: SANDBOX_ENTERPRISE, id, language };
      },
      teardown,
    },
    [ProviderState.appointmentMissing]: {
      setup: async (parameters) => {
        const id = parametersOf(parameters).id ?? 'missing';
        sandbox.store.remove(SANDBOX_ENTERPRISE, id);
        return { enterprise: SANDBOX_ENTERPRISE, id };
      },
      teardown,
    },
  };
}

/**
 * State handlers for a real environment: each state maps to configured data, which must satisfy it
 * (ENGAGE_APPOINTMENT_ID scheduled, with a location whose city is in ENGAGE_DEFAULT_LANGUAGE).
 */
export function configuredStateHandlers(config: SuiteConfig): StateHandlers {
  const { enterprise, appointmentId, missingAppointmentId, defaultLanguage } = config;
  if (defaultLanguage === undefined) {
    throw new ConfigError(
      'ENGAGE_DEFAULT_LANGUAGE',
      'is required to verify the contract against ENGAGE_BASE_URL (the language state uses it)',
    );
  }
  return {
    [ProviderState.appointmentExists]: async () => ({ enterprise, id: appointmentId }),
    [ProviderState.appointmentScheduledWithTranslatedLocation]: async () => ({
      enterprise,
      id: appointmentId,
      language: defaultLanguage,
    }),
    [ProviderState.appointmentMissing]: async () => ({ enterprise, id: missingAppointmentId }),
  };
}
