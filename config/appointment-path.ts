// The one appointment-by-id path, for every layer (Node and k6 alike, so no Node imports): built with
// each segment percent-encoded, and the route the sandbox matches it with.

export function appointmentPath(enterprise: string, id: string): string {
  return `/enterprises/${encodeURIComponent(enterprise)}/appointments/${encodeURIComponent(id)}`;
}

/** The path with the enterprise and the id captured (still encoded), and an optional query. */
export const APPOINTMENT_ROUTE = /^\/enterprises\/([^/?]+)\/appointments\/([^/?]+)(\?.*)?$/;
