// Property-based bad input: odd ids (unicode, very long, reserved characters) must never get a 5xx,
// every body must match the 200 or errors schema, and a 200 must be the appointment of the id sent.
// Where `malformed-headers` is expected (the sandbox's rule), also injection-like ids (traversal, SQL, templates) and ids with slashes, percent
// signs, semicolons or control characters, which a gateway or firewall in front of a real environment
// refuses with a page of its own, and odd header values, sometimes on two lines.
// Bounded in runs and time, and paced so that a real environment's rate limit is respected.
import fc from 'fast-check';
import { appointmentPath } from '../../config/api-facts.ts';
import type { HeaderValue } from '../../config/exact-request.ts';
import { SchemaId, validateAgainstSchema } from '../../schemas/schema-registry.ts';
import type { AppointmentResponse } from '../../schemas/types.generated.ts';
import type { Probe } from '../http-probe.ts';
import { type CheckResult, checked } from './check-result.ts';
import { bodyOutsideSchema, show } from './response-checks.ts';

export interface BadInputBudget {
  runs: number;
  timeLimitMilliseconds: number;
  /** Minimum time between requests, so that a run stays under the rate limit it is given. */
  pacingMilliseconds: number;
  /** fast-check's seed, for a test that must draw the same ids each time; random otherwise. */
  seed?: number;
}

/** What web application firewalls refuse on sight: traversal, SQL, template and log injection, markup. */
const attackSignatures = [
  '../../etc/passwd',
  '..%2f..%2f',
  "' OR '1'='1",
  '"; DROP TABLE appointments; --',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, not a template.
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '%00',
  // Prototype pollution's, which a WAF's rules refuse with a page of their own.
  '__proto__',
  'constructor',
];
const oddStrings = ['\u202e', '🙂', 'ü'.repeat(300)];

/**
 * Ids that name what every JavaScript object has (a provider that looks an id up with `id in store`
 * serves a broken body for them): sent first in every fuzz, not left to chance. `__proto__` and
 * `constructor`, which WAFs refuse as prototype pollution, are attack signatures instead.
 */
const OBJECT_PROPERTY_IDS = ['toString', 'valueOf', 'hasOwnProperty'];

/**
 * What servers and gateways in front of an API refuse in a path with a page of their own, encoded or
 * not (Tomcat, Spring Security's firewall, Apache without AllowEncodedSlashes, web application
 * firewalls): slashes, backslashes, percent signs, semicolons, control characters, and the line and
 * paragraph separators U+2028 and U+2029.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const refusedByGateways = /[/\\%;\x00-\x1f\x7f-\x9f\u2028\u2029]/;

/** An id longer than many servers and gateways take in a path (isOversize). */
export const LONG_ID = 'x'.repeat(4096);

/**
 * An id whose path segment, encoded, is longer than what servers and gateways in front of an API
 * take: they refuse it with a 4xx and a page of their own (414 from IIS or Vert.x, RFC 9110
 * §15.5.15; 431 from Node or Envoy; 400 from Tomcat or Akamai; 403 from a WAF's size rule), not the
 * errors body. Any 4xx passes for such an id; a 5xx, or another id's appointment, still fails.
 */
const isOversize = (id: string) => encodeURIComponent(id).length > 1000;

/**
 * Odd ids, as one path segment each, a 4 KB one among them, with the attack signatures (and what
 * gateways refuse) or without. Not `.` or `..`: those are dot segments (RFC 3986 §5.2.4), which a correct provider or
 * proxy may resolve to the appointments collection, and answer it.
 */
export const badInputIds = (withAttackSignatures: boolean) =>
  fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 64, unit: 'grapheme' }),
      fc.constantFrom(...oddStrings, LONG_ID, ...(withAttackSignatures ? attackSignatures : [])),
    )
    .filter((value) => value !== '.' && value !== '..')
    .filter((value) => withAttackSignatures || !refusedByGateways.test(value));
// Header values are limited to what HTTP lets a client send.
const headerValue = fc
  .oneof(fc.string({ maxLength: 80, unit: 'binary' }), fc.constantFrom(...attackSignatures, ...oddStrings))
  .map((value) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '').trim());

/** A header value, or two of them on repeated lines. */
const headerLines = fc.oneof(
  { weight: 3, arbitrary: headerValue },
  { weight: 1, arbitrary: fc.tuple(headerValue, headerValue).map((pair) => [...pair]) },
);

/**
 * The fuzz; `malformedHeaders` (the `malformed-headers` expectation) adds the injection-like ids and
 * the odd header values, which a real environment need not answer with its errors body.
 */
export async function checkBadInput(
  probe: Probe,
  enterprise: string,
  budget: BadInputBudget,
  malformedHeaders: boolean,
): Promise<CheckResult> {
  let last = 0;
  const headers = malformedHeaders ? fc.option(headerLines, { nil: undefined }) : fc.constant(undefined);
  const property = fc.asyncProperty(
    badInputIds(malformedHeaders),
    headers,
    headers,
    async (appointmentId, acceptLanguage, correlationId) => {
      const headers: Record<string, HeaderValue> = {};
      if (acceptLanguage !== undefined) headers['accept-language'] = acceptLanguage;
      if (correlationId !== undefined) headers['x-correlation-id'] = correlationId;
      const send = async () => {
        const wait = last + budget.pacingMilliseconds - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        last = Date.now();
        return probe(appointmentPath(enterprise, appointmentId), headers);
      };
      const response = await send();
      const label = `id ${show(appointmentId.slice(0, 80))}, Accept-Language ${show(acceptLanguage)}, X-Correlation-Id ${show(correlationId)}`;
      // Sent once more, so that the failure tells a target failing on this input from one failing now
      // and then (a gateway's 503 mid-run), which would send its reader to debug an id for nothing.
      if (response.status >= 500)
        throw new Error(`${label}: HTTP ${response.status} (the same request again: HTTP ${(await send()).status})`);
      if (isOversize(appointmentId) && response.status >= 400 && response.status < 500) return;
      const schema = response.status === 200 ? SchemaId.appointmentResponse : SchemaId.errorResponse;
      const result = validateAgainstSchema(schema, response.json);
      if (!result.valid)
        throw new Error(
          `${label}: HTTP ${response.status} with a body outside the schemas:${bodyOutsideSchema(response, result.violations)}`,
        );
      // An appointment served for an odd id must be that id's (the documented "the requested appointment").
      const served = response.status === 200 ? (response.json as AppointmentResponse).data.id : undefined;
      if (served !== undefined && served !== appointmentId)
        throw new Error(`${label}: HTTP 200 with appointment ${show(served)}`);
    },
  );
  const details = await fc.check(property, {
    examples: OBJECT_PROPERTY_IDS.map((id): [string, undefined, undefined] => [id, undefined, undefined]),
    numRuns: budget.runs,
    seed: budget.seed,
    interruptAfterTimeLimit: budget.timeLimitMilliseconds,
    markInterruptAsFailure: false,
    endOnFailure: true,
  });
  if (!details.failed) return checked([]);
  const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return checked([`${reason}\n(fast-check seed ${details.seed}, after ${details.numRuns} runs)`]);
}
