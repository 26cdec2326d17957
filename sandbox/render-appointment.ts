// Turns a stored appointment into the 200 body for one Accept-Language preference: each translatable
// location field is resolved from its translations, keeping the stored key order.

import { TRANSLATABLE_FIELDS } from '../config/api-facts.ts';
import type { Appointment, AppointmentResponse } from '../schemas/types.generated.ts';
import { type LanguagePreference, type NegotiationRules, resolveTranslatable } from './language-negotiation.ts';

export interface RenderedAppointment {
  body: AppointmentResponse;
  /** The distinct languages of the resolved values, for Content-Language; empty when none resolved. */
  languages: string[];
}

export function renderAppointment(
  appointment: Appointment,
  preference: LanguagePreference,
  rules: NegotiationRules,
): RenderedAppointment {
  if (appointment.location === null) return { body: { data: appointment }, languages: [] };
  const location = { ...appointment.location };
  const languages = new Set<string>();
  for (const field of TRANSLATABLE_FIELDS) {
    const resolved = resolveTranslatable(location.translations[field] ?? [], preference, rules);
    location[field] = resolved;
    if (resolved !== null) languages.add(resolved.language);
  }
  return { body: { data: { ...appointment, location } }, languages: [...languages] };
}
