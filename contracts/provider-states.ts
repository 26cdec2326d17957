// The provider states of the contract, shared by the consumer tests (which name them) and the
// provider verification (which sets them up). Parameters travel with each state; every state also
// returns `enterpriseInPath` and `idInPath`, the same values percent-encoded for the request path.

export const ProviderState = {
  /** params: id. */
  appointmentExists: 'an appointment with id {id} exists',
  /** params: id, language. Start and end are set; the location's city is translated into the language. */
  appointmentScheduledWithTranslatedLocation:
    'an appointment with id {id} is scheduled at a location translated into {language}',
  /** params: id. */
  appointmentMissing: 'no appointment with id {id} exists',
} as const;
