// The provider states' handlers: on the embedded sandbox they seed it; on a configured environment
// they map states to ENGAGE_* ids and change nothing (the target itself: config/resolve-target.ts).
// pact-js exports these types only from their own module.
import type { StateHandlers } from '@pact-foundation/pact/src/dsl/verifier/proxy/types.js';
import { SANDBOX_DEFAULTS } from '../../config/api-facts.ts';
import type { SuiteConfig } from '../../config/suite-config.ts';
import { appointment, docsAppointment, location, text } from '../../sandbox/seed-helpers.ts';
import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';
import { ProviderState } from '../provider-states.ts';

/** The enterprise the sandbox's states seed and put in the pact's paths, whatever ENGAGE_ENTERPRISE says. */
export const SANDBOX_ENTERPRISE = SANDBOX_DEFAULTS.enterprise;

type Parameters = { id?: string; language?: string };
const parametersOf = (parameters: unknown): Parameters => (parameters ?? {}) as Parameters;

/** What a state hands back to the pact: the values as they are, and percent-encoded for the path. */
const stateValues = (enterprise: string, id: string, extra: Record<string, string> = {}) => ({
  enterprise,
  id,
  enterpriseInPath: encodeURIComponent(enterprise),
  idInPath: encodeURIComponent(id),
  ...extra,
});

/** State handlers that seed the sandbox with exactly what each state asks for. */
export function sandboxStateHandlers(sandbox: RunningSandbox): StateHandlers {
  const teardown = async () => {
    sandbox.store.reset();
    return undefined;
  };
  return {
    [ProviderState.appointmentExists]: {
      setup: async (parameters) => {
        const id = parametersOf(parameters).id ?? SANDBOX_DEFAULTS.appointmentId;
        sandbox.store.put(SANDBOX_ENTERPRISE, { ...docsAppointment, id });
        return stateValues(SANDBOX_ENTERPRISE, id);
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
        return stateValues(SANDBOX_ENTERPRISE, id, { language });
      },
      teardown,
    },
    [ProviderState.appointmentMissing]: {
      setup: async (parameters) => {
        const id = parametersOf(parameters).id ?? 'missing';
        sandbox.store.remove(SANDBOX_ENTERPRISE, id);
        return stateValues(SANDBOX_ENTERPRISE, id);
      },
      teardown,
    },
  };
}

/** The configured appointment as the target returns it, read once by the language state. */
export type ReadConfiguredAppointment = () => Promise<unknown>;

/**
 * A language the city of a scheduled appointment is translated into, or why the appointment cannot
 * serve: "another language" than the one its city came in when read with `Accept-Language: *`, and
 * than the default, where it has one, so that a provider that answers null or an error for any
 * language but the default fails verification. (The pact matches the language by type: Pact's
 * verifier does not compare a provider-state value, so e2e checks that it is the one asked for.)
 */
export function translatedCityLanguage(
  body: unknown,
  defaultLanguage: string | undefined,
): { language: string } | { problem: string } {
  const data = (body as { data?: Record<string, unknown> | null } | null | undefined)?.data;
  // A body that is no object, or whose data is none (null, a string): no appointment to read.
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { problem: 'it could not be read as an appointment' };
  if (data.start === null || data.end === null) return { problem: 'it is not scheduled (start or end is null)' };
  const city = (data.location as { translations?: { city?: Array<{ language?: unknown }> } } | null)?.translations
    ?.city;
  const languages = (city ?? []).map((translation) => translation.language).filter((tag) => typeof tag === 'string');
  if (languages.length === 0) return { problem: 'its location has no translated city' };
  const forAny = (data.location as { city?: { language?: unknown } | null } | null)?.city?.language;
  const usual = [forAny, defaultLanguage].map((tag) => (typeof tag === 'string' ? tag.toLowerCase() : undefined));
  const other = languages.find((tag) => !usual.includes(tag.toLowerCase()));
  return { language: other ?? (languages[0] as string) };
}

/**
 * State handlers for a real environment: each state maps to configured data and creates nothing.
 * The language state reads ENGAGE_APPOINTMENT_ID and asks for a language its city has (another than
 * the default where it has one), so any scheduled appointment with a translated city will do.
 */
export function configuredStateHandlers(
  config: SuiteConfig,
  readAppointment: ReadConfiguredAppointment,
  /** Told why a state could not be set up: Pact's verifier logs it, and fails the interaction on another line. */
  stateProblem: (message: string) => void = () => {},
): StateHandlers {
  const { enterprise, appointmentId, missingAppointmentId, defaultLanguage } = config;
  let language: Promise<string> | undefined;
  const cityLanguage = () => {
    language ??= readAppointment()
      .then((body) => {
        const found = translatedCityLanguage(body, defaultLanguage);
        if ('language' in found) return found.language;
        throw new Error(
          `ENGAGE_APPOINTMENT_ID ${appointmentId} cannot stand in for the state "${ProviderState.appointmentScheduledWithTranslatedLocation}": ${found.problem}; configure a scheduled appointment whose location has a translated city`,
        );
      })
      .catch((error: Error) => {
        stateProblem(error.message);
        throw error;
      });
    return language;
  };
  return {
    [ProviderState.appointmentExists]: async () => stateValues(enterprise, appointmentId),
    [ProviderState.appointmentScheduledWithTranslatedLocation]: async () =>
      stateValues(enterprise, appointmentId, { language: await cityLanguage() }),
    [ProviderState.appointmentMissing]: async () => stateValues(enterprise, missingAppointmentId),
  };
}
