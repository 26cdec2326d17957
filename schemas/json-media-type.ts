// What counts as a JSON answer, for every layer (Node and k6 alike): `application/json` or any
// `application/…+json` type, any case, with or without parameters such as a charset (RFC 6838).

/** As a regex source, for the pact's header matcher. */
export const JSON_MEDIA_TYPE_PATTERN =
  '^[Aa][Pp][Pp][Ll][Ii][Cc][Aa][Tt][Ii][Oo][Nn]/([^;\\s]+\\+)?[Jj][Ss][Oo][Nn]\\s*(;.*)?$';
const JSON_MEDIA_TYPE = new RegExp(JSON_MEDIA_TYPE_PATTERN);

export function isJsonMediaType(contentType: string | null | undefined): boolean {
  return JSON_MEDIA_TYPE.test(contentType ?? '');
}
