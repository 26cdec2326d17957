// Proves every e2e check both ways, fast and without Playwright: it passes against correct providers
// (the sandbox, and another with other ids, default language and languages per field), and reports
// a problem against a sandbox that breaks its rule.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, describe, it } from 'node:test';
import { appointmentPath, CORRELATION_ID_MAX_LENGTH, SANDBOX_DEFAULTS } from '../../config/api-facts.ts';
import { exactTransport } from '../../config/exact-request.ts';
import { FORGERIES, forgedTokens } from '../../config/forged-tokens.ts';
import type { SandboxOptions } from '../../sandbox/create-sandbox-app.ts';
import type { FaultName } from '../../sandbox/faults.ts';
import { hs256Jwt, hs256Signature } from '../../sandbox/hs256-jwt.ts';
import { appointment, location, text } from '../../sandbox/seed-helpers.ts';
import { type RunningSandbox, startSandbox } from '../../sandbox/start-sandbox.ts';
import { docsAppointmentResponse, docsErrorResponse } from '../../schemas/docs-examples.ts';
import type { AppointmentResponse, Location } from '../../schemas/types.generated.ts';
import { answerFrom } from '../../testing/http-helpers.ts';
import { issueSandboxToken } from '../../testing/issue-sandbox-token.ts';
import { startTinyServer, type TinyServer } from '../../testing/tiny-server.ts';
import { backingOffOnRateLimit, createProbe, type Probe } from '../http-probe.ts';
import { inMemoryWaits } from '../rate-limit-waits.ts';
import { checkBadInput } from './bad-input-checks.ts';
import { type CheckResult, problemsOf } from './check-result.ts';
import {
  checkConcurrentLookups,
  checkEachAppointment,
  checkForbidden,
  checkForgedTokens,
  checkLongerIds,
  checkMethodNotAllowed,
  checkOtherEnterprise,
  checkOtherTenant,
  checkRateLimited,
  checkStatusCodes,
  checkUnauthorized,
  checkUnknownId,
  unauthorizedRequests,
} from './error-checks.ts';
import {
  acceptedCorrelationIds,
  checkCorrelationIdAccepted,
  checkCorrelationIdRejected,
  checkRepeatedHeaderIsNoCrash,
} from './header-checks.ts';
import { checkLatency, latencyRequests } from './latency-checks.ts';
import { checkAppointmentResponse } from './response-checks.ts';
import {
  contentLanguageCheck,
  readTranslations,
  regionFallbackCheck,
  type TranslationContext,
  translationChecks,
} from './translation-checks.ts';

const sandboxes: RunningSandbox[] = [];
after(() => Promise.all(sandboxes.map((sandbox) => sandbox.close())));

/** A probe of a sandbox started with `options`, with its static token, or one it issued for `realm`. */
async function probeFor(options: SandboxOptions = {}, realm?: string): Promise<Probe> {
  const sandbox = await startSandbox(options);
  sandboxes.push(sandbox);
  const token = realm === undefined ? SANDBOX_DEFAULTS.token : await issueSandboxToken(sandbox.url, realm);
  return createProbe({ baseUrl: sandbox.url, getToken: async () => token }, exactTransport());
}
const faulty = (fault: FaultName, options: SandboxOptions = {}, realm?: string) =>
  probeFor({ ...options, faults: [fault] }, realm);

/** How a provider of JWTs that reads claims it never verified takes a token beside its own signed ones. */
type JwtLeniency =
  | 'whatever the signature'
  | 'with no signature'
  | 'under alg none, unsigned'
  | 'under alg none in another case, unsigned';

/**
 * A provider of HS256 JWTs: it takes a token it signed, and one with its claims as `takes` says
 * (none more when undefined); it answers 401 otherwise.
 */
async function jwtProvider(takes?: JwtLeniency) {
  const key = 'provider-key';
  const token = hs256Jwt({ sub: 'client', scope: 'engage:appointments:readOnly', exp: 4_000_000_000 }, key);
  const claims = token.split('.')[1];
  const server = await startTinyServer((request, response) => {
    const [header = '', payload, signature] = (request.headers.authorization ?? '').replace(/^Bearer /, '').split('.');
    const alg = (() => {
      try {
        return JSON.parse(Buffer.from(header, 'base64url').toString()).alg;
      } catch {
        return undefined;
      }
    })();
    const taken =
      signature === hs256Signature(`${header}.${payload}`, key) ||
      (payload === claims &&
        ((takes === 'whatever the signature' && alg === 'HS256') ||
          (takes === 'with no signature' && alg === 'HS256' && signature === '') ||
          (takes === 'under alg none, unsigned' && alg === 'none' && signature === '') ||
          // A library that refuses "none" as spelt, and takes "None" or "NONE" as its unsigned form.
          (takes === 'under alg none in another case, unsigned' &&
            alg !== 'none' &&
            alg?.toLowerCase() === 'none' &&
            signature === '')));
    response.writeHead(taken ? 200 : 401, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify(
        taken
          ? docsAppointmentResponse()
          : { errors: [{ message: 'invalid token', code: 'UNAUTHORIZED', type: 'x', statusCode: '401' }] },
      ),
    );
  });
  return {
    token,
    probe: createProbe({ baseUrl: server.url, getToken: async () => token }, exactTransport()),
    close: () => server.close(),
  };
}

async function translationProblems(
  probe: Probe,
  id: string,
  check: (context: TranslationContext, translations: any) => Promise<CheckResult>,
  defaultLanguage: string | null = 'en',
  enterprise = 'acme',
) {
  const context = { probe, path: appointmentPath(enterprise, id), id, defaultLanguage: defaultLanguage ?? undefined };
  const read = await readTranslations(context);
  assert.ok('translations' in read, JSON.stringify(read));
  const result = await check(context, read.translations);
  assert.ok(!('skipped' in result), `skipped: ${JSON.stringify(result)}`);
  return problemsOf(result);
}

const MULTILINGUAL = 'a-office-accepted';

describe('against correct providers every check passes', () => {
  it('on the sandbox, for every language rule and appointment shape', async () => {
    const probe = await probeFor();
    for (const id of ['123', MULTILINGUAL, 'a-office-multilingual', 'a-on-location-no-english']) {
      const context = { probe, path: appointmentPath('acme', id), id, defaultLanguage: 'en' };
      const read = await readTranslations(context);
      assert.ok('translations' in read);
      for (const check of [...Object.values(translationChecks), regionFallbackCheck, contentLanguageCheck]) {
        assert.deepEqual(problemsOf(await check(context, read.translations)), [], id);
      }
    }
  });
  it('on another provider with other ids, default language and languages per field', async () => {
    const other = appointment('globex-1', {
      location: location({
        city: [text('de', 'Gent'), text('FR', 'Gand')],
        state: [text('fr', 'Flandre')],
        street1: [],
        street2: [text('es', 'Piso 2'), text('de', '2. Stock')],
      }),
    });
    const probe = await probeFor({
      seed: { enterprises: [{ id: 'globex', defaultLanguage: 'de', appointments: [other] }] },
    });
    const context = { probe, path: appointmentPath('globex', 'globex-1'), id: 'globex-1', defaultLanguage: 'de' };
    const read = await readTranslations(context);
    assert.ok('translations' in read);
    for (const check of Object.values(translationChecks))
      assert.deepEqual(problemsOf(await check(context, read.translations)), []);
  });
  it('on providers whose fields have regional tags, matching exactly, from a region down (RFC 4647 lookup) or up (basic filtering)', async () => {
    const regional = appointment('globex-3', {
      location: location({
        city: [text('en', 'Ghent'), text('nl-BE', 'Gent')],
        state: [text('nl', 'Vlaanderen'), text('fr', 'Flandre')],
        street1: [text('nl-BE', 'Veldstraat 1')],
        street2: [],
      }),
    });
    const seed = { enterprises: [{ id: 'globex', defaultLanguage: 'en', appointments: [regional] }] };
    // The sandbox falls back from nl-BE to nl; with `no-region-fallback` it matches tags exactly; with
    // basicFiltering, nl also matches nl-BE.
    const providers: Array<[string, SandboxOptions]> = [
      ['lookup', { seed }],
      ['exact', { seed, faults: ['no-region-fallback'] }],
      ['filtering', { seed, faults: ['no-region-fallback'], basicFiltering: true }],
    ];
    // What each answers for `nl` (city has only nl-BE) and for `nl-BE` (state has only nl): they differ.
    const answers: Record<string, Array<string | undefined>> = {};
    for (const [matching, options] of providers) {
      const probe = await probeFor(options);
      const path = appointmentPath('globex', 'globex-3');
      const nl = (await probe(path, { 'accept-language': 'nl' })).json as AppointmentResponse;
      const nlBe = (await probe(path, { 'accept-language': 'nl-BE' })).json as AppointmentResponse;
      answers[matching] = [nl.data.location?.city?.language, nlBe.data.location?.state?.language];
      const checks =
        matching === 'lookup'
          ? [...Object.values(translationChecks), regionFallbackCheck]
          : Object.values(translationChecks);
      for (const check of checks)
        assert.deepEqual(
          await translationProblems(probe, 'globex-3', check, 'en', 'globex').catch((error) => [String(error)]),
          [],
          matching,
        );
    }
    assert.deepEqual(answers, {
      lookup: [undefined, 'nl'],
      exact: [undefined, undefined],
      filtering: ['nl-BE', undefined],
    });
  });
  it('skips the rules that ask for the location’s own languages when it has none, and never asks for undefined', async () => {
    const bare = appointment('globex-2', { location: location({ city: [], state: [], street1: [], street2: [] }) });
    const probe = await probeFor({
      seed: { enterprises: [{ id: 'globex', defaultLanguage: 'de', appointments: [bare] }] },
    });
    // Each request's Accept-Language, '(none)' when it had no such header.
    const sent: unknown[] = [];
    const recording: Probe = (path, headers) => {
      sent.push(headers !== undefined && 'accept-language' in headers ? headers['accept-language'] : '(none)');
      return probe(path, headers);
    };
    const context = {
      probe: recording,
      path: appointmentPath('globex', 'globex-2'),
      id: 'globex-2',
      defaultLanguage: 'de',
    };
    const read = await readTranslations(context);
    assert.ok('translations' in read);
    const checks = { ...translationChecks, 'Content-Language': contentLanguageCheck };
    const skippedAs = [];
    for (const [name, check] of Object.entries(checks)) {
      const result = await check(context, read.translations);
      if ('skipped' in result && result.skipped === 'the location has no translations to ask for') skippedAs.push(name);
      else assert.deepEqual(problemsOf(result), [], name);
    }
    assert.deepEqual(skippedAs, [
      'a requested language that a field has resolves to itself, and where the field lacks it to null or a tag its region relates it to',
      '"<language> *" (the docs\' "en *") gives that language, else the default',
      "a browser's Accept-Language: a region tag, commas without spaces, weights of three decimals, up to four entries",
      'q=0 means "not this one": an excluded language never wins',
      'Accept-Language on two lines is one list, as if joined by a comma (RFC 9110)',
      'Content-Language',
    ]);
    assert.ok(!sent.includes(undefined), `an Accept-Language of undefined was sent: ${String(sent)}`);
  });
  it('on providers that read q=0 either way: a lone "en;q=0" answered in another language, and en;q=0 ruling out en-GB', async () => {
    const both = appointment('globex-4', {
      location: location({
        city: [text('en', 'Ghent'), text('nl', 'Gent')],
        state: [text('en', 'Flanders')],
        street1: [text('en-GB', 'High Street 1')],
        street2: [],
      }),
    });
    const seed = { enterprises: [{ id: 'globex', defaultLanguage: 'en', appointments: [both] }] };
    const probe = await probeFor({ seed });
    // Each answers one header otherwise than the sandbox, as the docs and RFC 9110 allow.
    const providers: Record<string, Probe> = {
      'a lone q=0 answered in another language': (path, headers, method) =>
        headers?.['accept-language'] === 'en;q=0'
          ? probe(path, { ...headers, 'accept-language': 'nl' }, method)
          : probe(path, headers, method),
      'en;q=0 ruling out en-GB': async (path, headers, method) => {
        const response = await probe(path, headers, method);
        if (headers?.['accept-language'] !== 'en;q=0, *') return response;
        const json = structuredClone(response.json) as AppointmentResponse;
        const found = json.data.location as NonNullable<AppointmentResponse['data']['location']>;
        if (found.street1?.language === 'en-GB') found.street1 = null;
        return { ...response, json, text: JSON.stringify(json) };
      },
    };
    const check = translationChecks['q=0 means "not this one": an excluded language never wins'] as never;
    for (const [name, provider] of Object.entries(providers))
      assert.deepEqual(await translationProblems(provider, 'globex-4', check, 'en', 'globex'), [], name);
  });
  it('asks for each documented language no field has that no tag it has starts with (nl may match nl-BE, RFC 4647), and the first with a region', async () => {
    const regional = appointment('globex-3', {
      location: location({
        city: [text('en-GB', 'Ghent'), text('nl-BE', 'Gent')],
        state: [],
        street1: [],
        street2: [],
      }),
    });
    const probe = await probeFor({
      seed: { enterprises: [{ id: 'globex', defaultLanguage: 'en-GB', appointments: [regional] }] },
    });
    const sent: unknown[] = [];
    const recording: Probe = (path, headers) => {
      sent.push(headers?.['accept-language']);
      return probe(path, headers);
    };
    const context = { probe: recording, path: appointmentPath('globex', 'globex-3'), id: 'globex-3' };
    const read = await readTranslations(context);
    assert.ok('translations' in read);
    const check =
      translationChecks['every documented language that no field has yields null everywhere, with no fallback'];
    assert.deepEqual(problemsOf(await (check as NonNullable<typeof check>)(context, read.translations)), []);
    assert.deepEqual(sent.slice(1), ['fr', 'de', 'no', 'da', 'es', 'el', 'ja', 'pl', 'fr-US']);
    // The same for the language the two-lines check puts first, before one the location has.
    const twoLines = translationChecks['Accept-Language on two lines is one list, as if joined by a comma (RFC 9110)'];
    assert.deepEqual(problemsOf(await (twoLines as NonNullable<typeof twoLines>)(context, read.translations)), []);
    assert.deepEqual(sent.at(-1), ['fr', 'en-gb']);
  });
  it('skips the language rules, saying why, for an appointment without a location', async () => {
    const read = await readTranslations({
      probe: await probeFor(),
      path: appointmentPath('acme', 'a-phone-no-location'),
      id: 'a-phone-no-location',
    });
    assert.deepEqual(read, {
      skipped: 'appointment a-phone-no-location has no location, so it has no translatable fields',
    });
  });
});

describe('the 200 checks fail against', () => {
  const cases: Array<[FaultName, RegExp]> = [
    ['no-data-envelope', /must have required property 'data'/],
    ['extra-top-level-key', /must not have the extra property "meta"/],
    ['wrong-types', /\/data\/trailingBufferTime: must be integer,null/],
    ['bad-date-time', /\/data\/start: must match format "date-time"/],
    ['wrong-enum', /\/data\/status: must be one of/],
    ['wrong-id', /data\.id is "123-other", expected the requested "123"/],
    ['non-json-content-type', /Content-Type "text\/plain; charset=utf-8" is not JSON/],
    ['mismatched-language-tag', /location\.city is \{"language":"xx".*not one of its translations/],
  ];
  for (const [fault, problem] of cases) {
    it(fault, async () => {
      const probe = await faulty(fault);
      assert.match(
        checkAppointmentResponse(await probe(appointmentPath('acme', '123')), '123', 'GET').join('\n'),
        problem,
      );
    });
  }
});

describe('the 200 checks fail against a body that is not one whole JSON document', () => {
  const docs = JSON.stringify(docsAppointmentResponse());
  /** A probe of a server that answers 200 with `body`, declaring `length` bytes, then closes. */
  async function answering(body: string, length = Buffer.byteLength(body)) {
    const server = await startTinyServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(length) });
      response.write(body);
      if (length === Buffer.byteLength(body)) response.end();
      else setTimeout(() => response.socket?.destroy(), 20);
    });
    const probe = createProbe({ baseUrl: server.url, getToken: async () => 't' }, exactTransport(2000));
    return { probe, close: () => server.close() };
  }
  const path = appointmentPath('acme', '123');
  for (const [name, body, problem] of [
    ['an empty body', '', /GET: the body is empty/],
    // RFC 8259 §8.1: a JSON text sent over a network MUST NOT start with one.
    ['a byte-order mark', `\uFEFF${docs}`, /GET: the body does not parse as JSON \(it starts "\uFEFF\{/],
  ] as const) {
    it(name, async () => {
      const { probe, close } = await answering(body);
      try {
        assert.match(checkAppointmentResponse(await probe(path), '123', 'GET').join('\n'), problem);
      } finally {
        await close();
      }
    });
  }
  it('a body cut short: the request fails, saying the connection closed before the whole body came', async () => {
    const { probe, close } = await answering(docs.slice(0, 100), docs.length);
    try {
      await assert.rejects(
        probe(path),
        /failed: HTTP 200, but the connection closed before the whole body came \(aborted\)$/,
      );
    } finally {
      await close();
    }
  });
});

describe('the language checks fail against', () => {
  const cases: Array<
    [FaultName, string, (context: TranslationContext, translations: any) => Promise<CheckResult>, RegExp]
  > = [
    [
      'ignore-accept-language',
      MULTILINGUAL,
      translationChecks[
        'a requested language that a field has resolves to itself, and where the field lacks it to null or a tag its region relates it to'
      ] as never,
      /Accept-Language "nl" with x-correlation-id: location\.city is \{"language":"en"/,
    ],
    [
      'ignore-accept-language',
      MULTILINGUAL,
      translationChecks['"<language> *" (the docs\' "en *") gives that language, else the default'] as never,
      /Accept-Language "nl \*": location\.city is \{"language":"en"/,
    ],
    [
      'trim-translations',
      MULTILINGUAL,
      translationChecks[
        'a requested language that a field has resolves to itself, and where the field lacks it to null or a tag its region relates it to'
      ] as never,
      /Accept-Language "nl" with x-correlation-id: location\.translations\.city is \[\{"language":"nl"[^\]]*\], expected every available translation, \[\{"language":"en"/,
    ],
    [
      'fallback-instead-of-null',
      '123',
      translationChecks[
        'every documented language that no field has yields null everywhere, with no fallback'
      ] as never,
      /location\.city is \{"language":"en".*expected null/,
    ],
    [
      'fallback-for-ja-and-pl',
      '123',
      translationChecks[
        'every documented language that no field has yields null everywhere, with no fallback'
      ] as never,
      /^Accept-Language "ja": location\.city is \{"language":"en".*expected null[\s\S]*\nAccept-Language "pl": location\.city is \{"language":"en".*expected null[^\n]*$/,
    ],
    [
      'fallback-for-region-tags',
      '123',
      translationChecks[
        'every documented language that no field has yields null everywhere, with no fallback'
      ] as never,
      /Accept-Language "[a-z]{2}-US": location\.city is \{"language":"en".*expected null/,
    ],
    [
      'case-sensitive-tags',
      MULTILINGUAL,
      translationChecks['language tags compare case-insensitively'] as never,
      /Accept-Language "EN": location\.city is null/,
    ],
    [
      'ignore-weights',
      MULTILINGUAL,
      translationChecks['q-weights decide the order, not the position in the list'] as never,
      /Accept-Language "en;q=0\.4, nl;q=0\.9": location\.city is \{"language":"en"/,
    ],
    [
      'last-of-equal-weights',
      MULTILINGUAL,
      translationChecks['among equal weights the first in the list wins'] as never,
      /Accept-Language "en, nl": location\.city is \{"language":"nl"/,
    ],
    [
      'ignore-zero-weight',
      MULTILINGUAL,
      translationChecks['q=0 means "not this one": an excluded language never wins'] as never,
      /Accept-Language "en;q=0": location\.city is \{"language":"en".*expected one of \[\{"language":"nl"/,
    ],
    [
      'ignore-zero-weight-on-star',
      MULTILINGUAL,
      translationChecks['q=0 means "not this one": an excluded language never wins'] as never,
      /Accept-Language "[a-z]{2}, \*;q=0": location\.[a-z0-9]+ is \{"language":"[a-z]{2}".*expected null/,
    ],
    [
      'first-accept-language-line-only',
      MULTILINGUAL,
      translationChecks['Accept-Language on two lines is one list, as if joined by a comma (RFC 9110)'] as never,
      /Accept-Language on 2 lines "no" and "en": location\.city is null, expected \{"language":"en"/,
    ],
    [
      'split-accept-language-on-spaces',
      MULTILINGUAL,
      translationChecks[
        "a browser's Accept-Language: a region tag, commas without spaces, weights of three decimals, up to four entries"
      ] as never,
      /^Accept-Language "en-US,en;q=0\.9": HTTP 400, expected 200/,
    ],
    [
      'two-decimal-weights',
      MULTILINGUAL,
      translationChecks[
        "a browser's Accept-Language: a region tag, commas without spaces, weights of three decimals, up to four entries"
      ] as never,
      /^Accept-Language "no,nl;q=0\.851,en;q=0\.855,da;q=0\.5" with x-correlation-id: location\.city is \{"language":"nl"/,
    ],
    [
      'crash-on-repeated-headers',
      MULTILINGUAL,
      translationChecks['Accept-Language on two lines is one list, as if joined by a comma (RFC 9110)'] as never,
      /Accept-Language on 2 lines "no" and "en": HTTP 500, expected 200/,
    ],
    ['no-region-fallback', MULTILINGUAL, regionFallbackCheck, /Accept-Language "en-BE": location\.city is null/],
    [
      'no-content-language',
      MULTILINGUAL,
      contentLanguageCheck,
      /Content-Language is nothing, expected it to name "en"/,
    ],
  ];
  for (const [fault, id, check, problem] of cases) {
    it(fault, async () => {
      assert.match((await translationProblems(await faulty(fault), id, check)).join('\n'), problem);
    });
  }
  // Providers that misread Accept-Language as some do, each the sandbox behind a rewrite of the
  // request's header lines into what that provider reads.
  const rewriteAcceptLanguage =
    (rewrite: (value: string) => string) =>
    (lines: string[]): string[] =>
      lines.map((line, index) =>
        index % 2 === 1 && /^accept-language$/i.test(lines[index - 1] ?? '') ? rewrite(line) : line,
      );
  const misreadings: Array<[string, (lines: string[]) => string[], string, RegExp]> = [
    [
      'drops Accept-Language beside an X-Correlation-Id, as the docs send them',
      (lines) => {
        const names = lines.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());
        if (!names.includes('x-correlation-id')) return lines;
        return lines.filter((_, index) => !/^accept-language$/i.test(lines[index - (index % 2)] ?? ''));
      },
      'a requested language that a field has resolves to itself, and where the field lacks it to null or a tag its region relates it to',
      /Accept-Language "nl" with x-correlation-id: location\.city is \{"language":"en"/,
    ],
    [
      'loses a weight written with spaces around its ";"',
      rewriteAcceptLanguage((value) => value.replace(/\s+;\s*[qQ]=[0-9.]+/g, '')),
      'q-weights decide the order, not the position in the list',
      /^Accept-Language "en ; q=0\.4, nl": location\.city is \{"language":"en"/,
    ],
    [
      'ignores a weight written "Q="',
      rewriteAcceptLanguage((value) => value.replace(/\s*;\s*Q=[0-9.]+/g, '')),
      'q-weights decide the order, not the position in the list',
      /^Accept-Language "en;Q=0\.4, nl": location\.city is \{"language":"en"/,
    ],
    [
      'takes a list separated by spaces only where its last entry is "*"',
      rewriteAcceptLanguage((value) => (/^\S+ \S+$/.test(value) && !value.endsWith(' *') ? 'xx' : value)),
      'among equal weights the first in the list wins',
      /Accept-Language "nl en": location\.city is null/,
    ],
    [
      'takes q=0.000 for a weight above 0',
      rewriteAcceptLanguage((value) => value.replaceAll('q=0.000', 'q=0.001')),
      'q=0 means "not this one": an excluded language never wins',
      /Accept-Language "en;q=0\.000": location\.city is \{"language":"en"/,
    ],
  ];
  for (const [misreading, rewrite, name, problem] of misreadings)
    it(`a provider that ${misreading}`, async () => {
      const sandbox = await startSandbox();
      sandboxes.push(sandbox);
      const misreading = await startTinyServer((request, response) =>
        answerFrom(sandbox.url, request, response, rewrite(request.rawHeaders)),
      );
      try {
        const probe = createProbe(
          { baseUrl: misreading.url, getToken: async () => SANDBOX_DEFAULTS.token },
          exactTransport(),
        );
        const check = translationChecks[name] as never;
        assert.match((await translationProblems(probe, MULTILINGUAL, check)).join('\n'), problem);
      } finally {
        await misreading.close();
      }
    });
  // Without ENGAGE_DEFAULT_LANGUAGE, as on most real targets: a field with a translation is still never null.
  for (const name of [
    '"*" and no Accept-Language give the default language, else any translation, else null',
    '"<language> *" (the docs\' "en *") gives that language, else the default',
  ])
    it(`no-default-language, with no default configured: ${name}`, async () => {
      const check = translationChecks[name] as never;
      assert.deepEqual(await translationProblems(await probeFor(), MULTILINGUAL, check, null), []);
      assert.match(
        (await translationProblems(await faulty('no-default-language'), MULTILINGUAL, check, null)).join('\n'),
        /Accept-Language (\(none\)|"fr \*"|"\*"): location\.street1 is null, expected one of/,
      );
    });
  describe('a default language that is not the configured one', () => {
    const check = translationChecks[
      '"*" and no Accept-Language give the default language, else any translation, else null'
    ] as never;
    const hint = /^ENGAGE_DEFAULT_LANGUAGE is nl, yet/;
    // Every field in nl and en, on a sandbox whose enterprise's default is `actual`.
    const bilingual = (actual: string) => {
      const both = [text('nl', 'Gent'), text('en', 'Ghent')];
      const seed = location({ city: both, state: both, street1: both, street2: both });
      return probeFor({
        seed: {
          enterprises: [
            { id: 'globex', defaultLanguage: actual, appointments: [appointment('b-1', { location: seed })] },
          ],
        },
      });
    };
    /** `probe`, with the location of each "*" or header-less answer changed by `change`. */
    const changing =
      (probe: Probe, change: (location: Location, header: unknown) => void): Probe =>
      async (path, headers, method) => {
        const response = await probe(path, headers, method);
        const header = headers?.['accept-language'];
        if (header !== undefined && header !== '*') return response;
        const json = structuredClone(response.json) as AppointmentResponse;
        change(json.data.location as Location, header);
        return { ...response, json, text: JSON.stringify(json) };
      };
    it('names the setting first when both answers are what another default gives', async () => {
      const problems = await translationProblems(await probeFor(), MULTILINGUAL, check, 'nl');
      assert.match(
        problems.join('\n'),
        /Accept-Language "\*": location\.city is \{"language":"en".*expected \{"language":"nl"/,
      );
      assert.equal(
        problems[0],
        'ENGAGE_DEFAULT_LANGUAGE is nl, yet "*" and no Accept-Language came in en wherever nl was due: set ENGAGE_DEFAULT_LANGUAGE=en if en is the enterprise\'s default language; if nl is, the API does not apply it',
      );
    });
    it('blames no setting when one field alone came in another language', async () => {
      const probe = changing(await bilingual('nl'), (location) => {
        location.city = text('en', 'Ghent');
      });
      const problems = await translationProblems(probe, 'b-1', check, 'nl', 'globex');
      assert.equal(problems.length, 2, problems.join('\n'));
      assert.ok(!problems.some((problem) => hint.test(problem)), problems.join('\n'));
    });
    it('blames no setting when the answer without Accept-Language is right and "*" is not', async () => {
      const probe = changing(await bilingual('en'), (location, header) => {
        if (header === undefined)
          for (const field of ['city', 'state', 'street1', 'street2'] as const) location[field] = text('nl', 'Gent');
      });
      const problems = await translationProblems(probe, 'b-1', check, 'nl', 'globex');
      assert.ok(problems.length > 0);
      assert.ok(!problems.some((problem) => hint.test(problem)), problems.join('\n'));
    });
  });
});

describe('the header and error checks fail against', () => {
  const path = appointmentPath('acme', '123');
  it('no-correlation-echo, under correlation-echo', async () => {
    assert.match(
      problemsOf(await checkCorrelationIdAccepted(await faulty('no-correlation-echo'), path, 'abc-123', true)).join(),
      /the response carries nothing, expected the same value/,
    );
  });
  it('accept-expired-tokens', async () => {
    const expired = `Bearer ${SANDBOX_DEFAULTS.expiredToken}`;
    assert.deepEqual(problemsOf(await checkUnauthorized(await probeFor(), path, expired, 'an expired token')), []);
    assert.match(
      problemsOf(
        await checkUnauthorized(await faulty('accept-expired-tokens'), path, expired, 'an expired token'),
      ).join(),
      /an expired token: HTTP 200, expected 401/,
    );
  });
  it('non-json-content-type, on the errors too', async () => {
    const provider = await faulty('non-json-content-type');
    assert.match(
      problemsOf(await checkUnknownId(provider, 'acme', 'nope')).join(),
      /the unknown id "nope": Content-Type "text\/plain; charset=utf-8" is not JSON/,
    );
    assert.match(
      problemsOf(await checkUnauthorized(provider, path, null, 'no Authorization header')).join(),
      /no Authorization header: Content-Type "text\/plain; charset=utf-8" is not JSON/,
    );
  });
  it('ignore-enterprise', async () => {
    const ids = ['123', MULTILINGUAL];
    assert.deepEqual(problemsOf(await checkOtherEnterprise(await probeFor(), 'no-such-enterprise-1', ids)), []);
    assert.match(
      problemsOf(await checkOtherEnterprise(await faulty('ignore-enterprise'), 'no-such-enterprise-1', ids)).join(),
      /appointment "123" under the enterprise no-such-enterprise-1, which does not exist: HTTP 200, the appointment served whatever enterprise the path names; expected 401, 403 or 404/,
    );
    // A provider that checks the enterprise for some ids only: each configured id is asked for.
    const sandbox = await probeFor();
    const forSomeIds: Probe = (path, headers, method) =>
      sandbox(
        path.replace(`/no-such-enterprise-1/appointments/${MULTILINGUAL}`, `/acme/appointments/${MULTILINGUAL}`),
        headers,
        method,
      );
    assert.deepEqual(
      problemsOf(await checkOtherEnterprise(forSomeIds, 'no-such-enterprise-1', ids)).map(
        (problem) => problem.split(':')[0],
      ),
      [`appointment "${MULTILINGUAL}" under the enterprise no-such-enterprise-1, which does not exist`],
    );
  });
  it('serve-any-id, for an id one character longer than a configured one', async () => {
    assert.deepEqual(problemsOf(await checkLongerIds(await probeFor(), 'acme', ['123', MULTILINGUAL])), []);
    assert.match(
      problemsOf(await checkLongerIds(await faulty('serve-any-id'), 'acme', ['123'])).join(),
      /^the id "123x", "123" and one character more: data\.id is "123", expected the requested "123x", appointment "123"'s: a prefix or number match$/,
    );
    // A gateway that redirects the longer id to the configured appointment, or fails on it.
    const sandbox = await probeFor();
    const answering =
      (status: number, headers: Record<string, string> = {}): Probe =>
      async (path, sent, method) =>
        path.endsWith('123x')
          ? { status, headers, text: '', json: undefined, durationMilliseconds: 1 }
          : sandbox(path, sent, method);
    assert.deepEqual(problemsOf(await checkLongerIds(answering(400), 'acme', ['123'])), []);
    assert.deepEqual(
      problemsOf(
        await checkLongerIds(answering(301, { location: '/enterprises/acme/appointments/123' }), 'acme', ['123']),
      ),
      [
        'the id "123x", "123" and one character more: HTTP 301 to "/enterprises/acme/appointments/123", expected 404 or another 4xx',
      ],
    );
    assert.match(
      problemsOf(await checkLongerIds(answering(502), 'acme', ['123'])).join(),
      /HTTP 502, expected 404 or another 4xx$/,
    );
  });
  it('ignore-token-realm', async () => {
    // Two tenants; the probe carries a token of acme's realm, and asks for globex's appointment.
    const docs = docsAppointmentResponse().data;
    const seed = {
      enterprises: [
        { id: 'acme', defaultLanguage: 'en', appointments: [docs] },
        { id: 'globex', defaultLanguage: 'nl', appointments: [{ ...docs, id: 'g-1' }] },
      ],
    };
    const correct = await probeFor({ seed }, 'acme');
    assert.equal((await correct(appointmentPath('acme', '123'))).status, 200, "the token reads its own tenant's");
    assert.deepEqual(problemsOf(await checkOtherTenant(correct, 'globex', 'g-1')), []);
    assert.match(
      problemsOf(await checkOtherTenant(await faulty('ignore-token-realm', { seed }, 'acme'), 'globex', 'g-1')).join(),
      /appointment g-1 of the enterprise globex, another tenant's, with this run's token: HTTP 200, another tenant's appointment served to this run's token; expected 401, 403 or 404/,
    );
  });
  it('refuse-correlation-ids', async () => {
    assert.match(
      problemsOf(
        await checkCorrelationIdAccepted(await faulty('refuse-correlation-ids'), path, 'abc-123', false),
      ).join(),
      /X-Correlation-Id "abc-123": HTTP 400, expected 200/,
    );
  });
  it('a provider that refuses X-Correlation-Ids shorter than 8 characters, which the docs allow from 1', async () => {
    const minimum8 = await startTinyServer((request, response) => {
      response.statusCode = String(request.headers['x-correlation-id']).length < 8 ? 400 : 200;
      response.end('{}');
    });
    try {
      const probe = createProbe({ baseUrl: minimum8.url, getToken: async () => 't' }, exactTransport());
      const problems = [];
      for (const [, value] of acceptedCorrelationIds())
        problems.push(...problemsOf(await checkCorrelationIdAccepted(probe, path, value, false)));
      assert.deepEqual(problems, ['X-Correlation-Id "7": HTTP 400, expected 200']);
    } finally {
      await minimum8.close();
    }
  });
  it('accept-any-correlation-id', async () => {
    assert.match(
      problemsOf(
        await checkCorrelationIdRejected(
          await faulty('accept-any-correlation-id'),
          path,
          'x'.repeat(CORRELATION_ID_MAX_LENGTH + 1),
        ),
      ).join(),
      /HTTP 200, expected 400/,
    );
  });
  it('not-found-for-other-methods, and a correct provider passes', async () => {
    assert.deepEqual(await checkMethodNotAllowed(await probeFor(), path), { problems: [] });
    assert.match(
      problemsOf(await checkMethodNotAllowed(await faulty('not-found-for-other-methods'), path)).join(),
      /POST with a token that was never issued: HTTP 404, expected 405.*PUT.*PATCH.*DELETE/s,
    );
  });
  it('a provider that checks the token first: the 405 rule cannot be seen, and the check skips saying so', async () => {
    const tokenFirst = await startTinyServer((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: 'no', code: 'UNAUTHORIZED', type: 'x', statusCode: '401' }] }));
    });
    try {
      const probe = createProbe({ baseUrl: tokenFirst.url, getToken: async () => 't' }, exactTransport());
      assert.deepEqual(await checkMethodNotAllowed(probe, path), {
        skipped:
          'every other method got 401 for its unknown token (the target checks the token first), so 405 could not be seen',
      });
    } finally {
      await tokenFirst.close();
    }
  });
  it('crash-on-repeated-headers, and a correct provider passes', async () => {
    assert.deepEqual(problemsOf(await checkRepeatedHeaderIsNoCrash(await probeFor(), path)), []);
    assert.match(
      problemsOf(await checkRepeatedHeaderIsNoCrash(await faulty('crash-on-repeated-headers'), path)).join(),
      /X-Correlation-Id sent twice: HTTP 500, expected a 2xx or a 4xx/,
    );
  });
  it('no-auth-check, for every unauthorised request and the no-scope token', async () => {
    const probe = await faulty('no-auth-check');
    for (const [label, authorization] of Object.entries(unauthorizedRequests)) {
      assert.match(
        problemsOf(await checkUnauthorized(probe, path, authorization, label)).join(),
        /HTTP 200, expected 401/,
      );
    }
    assert.match(
      problemsOf(await checkForbidden(probe, path, SANDBOX_DEFAULTS.noScopeToken)).join(),
      /HTTP 200, expected 403/,
    );
  });
  it('auth-for-numeric-ids-only, for each token check, as the spec runs it for every configured id', async () => {
    const probe = await faulty('auth-for-numeric-ids-only');
    const ids = ['123', 'a-office-accepted'];
    const eachId = (check: (path: string) => Promise<CheckResult>) => checkEachAppointment('acme', ids, check);
    const tokenChecks: Array<[string, (path: string) => Promise<CheckResult>]> = [
      ...Object.entries(unauthorizedRequests).map(
        ([label, authorization]): [string, (path: string) => Promise<CheckResult>] => [
          label,
          (path) => checkUnauthorized(probe, path, authorization, label),
        ],
      ),
      ['expired', (path) => checkUnauthorized(probe, path, `Bearer ${SANDBOX_DEFAULTS.expiredToken}`, 'expired')],
      ['no scope', (path) => checkForbidden(probe, path, SANDBOX_DEFAULTS.noScopeToken)],
    ];
    for (const [label, check] of tokenChecks) {
      assert.deepEqual(problemsOf(await check(path)), [], `${label}: appointment 123 alone passes`);
      const problems = problemsOf(await eachId(check));
      assert.match(problems[0] ?? '', /^appointment "a-office-accepted": .*: HTTP 200, expected 40[13]$/, label);
      assert.ok(
        problems.every((problem) => problem.startsWith('appointment "a-office-accepted"')),
        label,
      );
    }
  });
  it('no-scope-check, for the no-scope token only', async () => {
    const probe = await faulty('no-scope-check');
    assert.match(
      problemsOf(await checkForbidden(probe, path, SANDBOX_DEFAULTS.noScopeToken)).join(),
      /HTTP 200, expected 403/,
    );
    for (const [label, authorization] of Object.entries(unauthorizedRequests))
      assert.deepEqual(problemsOf(await checkUnauthorized(probe, path, authorization, label)), [], label);
  });
  it('an ENGAGE_NO_SCOPE_TOKEN the API refuses (expired): the 403 check fails naming the setting', async () => {
    assert.deepEqual(problemsOf(await checkForbidden(await probeFor(), path, 'expired-no-scope-token')), [
      'a token without the appointments scope: HTTP 401, expected 403',
      "the 403 check's token (ENGAGE_NO_SCOPE_TOKEN, or ENGAGE_NO_SCOPE_CLIENT_ID's) got 401: if it has expired or is not a token of this API, renew it or check that client; a valid token without the scope gets 403",
    ]);
  });
  it('accept-invalid-tokens, for the token that was never issued only', async () => {
    const probe = await faulty('accept-invalid-tokens');
    for (const [label, authorization] of Object.entries(unauthorizedRequests)) {
      const problems = problemsOf(await checkUnauthorized(probe, path, authorization, label)).join();
      if (label === 'a bearer token that was never issued') assert.match(problems, /HTTP 200, expected 401/, label);
      else assert.equal(problems, '', label);
    }
  });
  it("accept-invalid-tokens, for a token forged from the run's own; a correct provider passes, and nothing forged fails", async () => {
    const forged = forgedTokens(SANDBOX_DEFAULTS.token);
    assert.deepEqual(problemsOf(await checkForgedTokens(await probeFor(), path, forged)), []);
    // None to send is no pass.
    assert.deepEqual(problemsOf(await checkForgedTokens(await probeFor(), path, {})), [
      "no token was forged from the run's own, so none was sent",
    ]);
    assert.match(
      problemsOf(await checkForgedTokens(await faulty('accept-invalid-tokens'), path, forged)).join(),
      /the run's token with one character changed: HTTP 200, expected 401/,
    );
  });
  it('a provider that compares a prefix of the token (a bcrypt hash reads 72 bytes): the forged-token check fails on the longer token alone', async () => {
    const token = `opaque-${'k'.repeat(80)}`;
    const prefixOnly = await startTinyServer((request, response) => {
      const sent = String(request.headers.authorization).replace(/^Bearer /, '');
      const taken = sent.slice(0, 72) === token.slice(0, 72) && sent.length >= 72;
      response.writeHead(taken ? 200 : 401, { 'content-type': 'application/json' });
      response.end(JSON.stringify(taken ? docsAppointmentResponse() : docsErrorResponse()));
    });
    try {
      const probe = createProbe({ baseUrl: prefixOnly.url, getToken: async () => token }, exactTransport());
      const problems = problemsOf(await checkForgedTokens(probe, path, forgedTokens(token)));
      assert.equal(problems[0], `${FORGERIES.appended}: HTTP 200, expected 401`);
      assert.ok(
        problems.every((problem) => problem.startsWith(FORGERIES.appended)),
        problems.join('\n'),
      );
    } finally {
      await prefixOnly.close();
    }
  });
  it('a JWT provider that reads claims it never verified: the forged-token check fails, and passes one that verifies', async () => {
    for (const [takes, taken] of [
      [undefined, []],
      ['whatever the signature', [FORGERIES.alteredSignature, FORGERIES.strippedSignature]],
      ['with no signature', [FORGERIES.strippedSignature]],
      ['under alg none, unsigned', [FORGERIES.unsigned]],
      ['under alg none in another case, unsigned', [FORGERIES.unsignedCapitalised, FORGERIES.unsignedUpperCase]],
    ] as const) {
      const provider = await jwtProvider(takes);
      try {
        const problems = problemsOf(await checkForgedTokens(provider.probe, path, forgedTokens(provider.token)));
        const failed = Object.values(FORGERIES).filter((forgery) =>
          problems.includes(`${forgery}: HTTP 200, expected 401`),
        );
        assert.deepEqual(failed, taken, `${takes}: ${problems.join('\n')}`);
      } finally {
        await provider.close();
      }
    }
  });
  it('not-found-without-errors and numeric-status-code', async () => {
    assert.match(
      problemsOf(await checkUnknownId(await faulty('not-found-without-errors'), 'acme', 'nope')).join(),
      /must have required property 'errors'/,
    );
    assert.match(
      problemsOf(await checkUnknownId(await faulty('numeric-status-code'), 'acme', 'nope')).join(),
      /statusCode: must be string/,
    );
  });
  it('status-code-mismatch, under status-code, and a correct provider passes', async () => {
    const unknown = appointmentPath('acme', 'nope');
    assert.deepEqual(problemsOf(await checkStatusCodes(await probeFor(), unknown, path)), []);
    const problems = problemsOf(await checkStatusCodes(await faulty('status-code-mismatch'), unknown, path));
    assert.deepEqual(problems, [
      'an unknown id: HTTP 404 with errors[0].statusCode "500", expected "404"',
      'no Authorization header: HTTP 401 with errors[0].statusCode "500", expected "401"',
    ]);
    // A body with no errors has no statusCode to compare: that fails too, it does not pass unseen.
    assert.deepEqual(problemsOf(await checkStatusCodes(await faulty('not-found-without-errors'), unknown, path)), [
      'an unknown id: HTTP 404 without the errors envelope, so no statusCode to compare',
    ]);
    // Without the expectation, any string passes: the docs show only "statusCode": "string".
    assert.deepEqual(problemsOf(await checkUnknownId(await faulty('status-code-mismatch'), 'acme', 'nope')), []);
  });
  it('the documented 4 at once: a provider that fails 3 in flight fails; one that limits this endpoint to 2 with 429s passes', async () => {
    /** 80 ms a lookup; `over` answers the requests beyond `limit` in flight. */
    const limited = (limit: number, over: (response: ServerResponse) => void) => {
      let inFlight = 0;
      return startTinyServer((_request, response) => {
        if (inFlight >= limit) return over(response);
        inFlight++;
        setTimeout(() => {
          inFlight--;
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(docsAppointmentResponse()));
        }, 80);
      });
    };
    const failing = await limited(2, (response) => {
      response.writeHead(503, { 'content-type': 'text/plain' });
      response.end('Service Unavailable');
    });
    const lower = await limited(2, (response) => {
      response.writeHead(429, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ errors: [{ message: 'slow down', code: 'RATE', type: 'RATE', statusCode: '429' }] }),
      );
    });
    try {
      const through = (server: TinyServer) =>
        backingOffOnRateLimit(
          createProbe({ baseUrl: server.url, getToken: async () => 't' }, exactTransport()),
          inMemoryWaits(),
        );
      const docsPath = appointmentPath('acme', '123');
      assert.match(
        problemsOf(await checkConcurrentLookups(through(failing), docsPath, '123')).join('\n'),
        /^request \d of 4 at once: HTTP 503/,
      );
      assert.deepEqual(problemsOf(await checkConcurrentLookups(through(lower), docsPath, '123')), []);
      // A 429 whose Retry-After is past what the probe waits: a documented answer all the same.
      const asksLong = await limited(2, (response) => {
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3600' });
        response.end(JSON.stringify({ errors: [{ message: 'later', code: 'RATE', type: 'RATE', statusCode: '429' }] }));
      });
      try {
        assert.deepEqual(problemsOf(await checkConcurrentLookups(through(asksLong), docsPath, '123')), []);
      } finally {
        await asksLong.close();
      }
      assert.deepEqual(problemsOf(await checkConcurrentLookups(await probeFor({ rateLimit: true }), path, '123')), []);
    } finally {
      await failing.close();
      await lower.close();
    }
  });
  it('a provider without a rate limit, under rate-limit', async () => {
    assert.match(
      problemsOf(await checkRateLimited(await probeFor(), path)).join(),
      /3 bursts of 24 concurrent requests: none was answered 429/,
    );
    assert.deepEqual(problemsOf(await checkRateLimited(await probeFor({ rateLimit: true }), path)), []);
  });
  it('server-error-on-odd-ids, for the bad-input property, with malformed-headers expected or not', async () => {
    const budget = { runs: 200, timeLimitMilliseconds: 5000, pacingMilliseconds: 0 };
    for (const malformedHeaders of [true, false]) {
      assert.deepEqual(problemsOf(await checkBadInput(await probeFor(), 'acme', budget, malformedHeaders)), []);
      assert.match(
        problemsOf(
          await checkBadInput(await faulty('server-error-on-odd-ids'), 'acme', budget, malformedHeaders),
        ).join(),
        /HTTP 500 \(the same request again: HTTP 500\)/,
      );
    }
  });
  it('a 5xx of the bad-input property says what the same request got when sent again', async () => {
    const budget = { runs: 20, timeLimitMilliseconds: 5000, pacingMilliseconds: 0 };
    const sandbox = await probeFor();
    // A gateway's one 503, mid-run: the input is not what failed, and the failure shows it.
    let sent = 0;
    const blip: Probe = async (path, headers) => {
      const response = await sandbox(path, headers);
      return ++sent === 3 ? { ...response, status: 503 } : response;
    };
    assert.match(
      problemsOf(await checkBadInput(blip, 'acme', budget, false)).join(),
      /: HTTP 503 \(the same request again: HTTP 404\)/,
    );
  });
  it("passes a server's or gateway's own 4xx page for an oversize id, and fails its 500 for it", async () => {
    // Seeded: the runs draw the 4 KB id (and 300 ü's) each time.
    const budget = { runs: 200, timeLimitMilliseconds: 5000, pacingMilliseconds: 0, seed: 1 };
    const sandbox = await probeFor();
    let longest = 0;
    /** The sandbox behind a server whose path stops at 1 KB, answering `status` with a page of its own. */
    const shortLine =
      (status: number): Probe =>
      async (path, headers) => {
        longest = Math.max(longest, path.length);
        return path.length > 1024
          ? {
              status,
              headers: { 'content-type': 'text/html' },
              text: '<h1>no</h1>',
              json: undefined,
              durationMilliseconds: 1,
            }
          : sandbox(path, headers);
      };
    for (const malformedHeaders of [true, false]) {
      for (const status of [414, 431, 400, 403])
        assert.deepEqual(
          problemsOf(await checkBadInput(shortLine(status), 'acme', budget, malformedHeaders)),
          [],
          `${status}`,
        );
      assert.ok(longest > 4096, `the 4 KB id was sent (longest path ${longest})`);
      assert.match(
        problemsOf(await checkBadInput(shortLine(500), 'acme', budget, malformedHeaders)).join(),
        /HTTP 500/,
      );
    }
  });
  it("serve-any-id, for the bad-input property: a 200 for an odd id is that id's appointment", async () => {
    const budget = { runs: 20, timeLimitMilliseconds: 5000, pacingMilliseconds: 0 };
    assert.match(
      problemsOf(await checkBadInput(await faulty('serve-any-id'), 'acme', budget, false)).join(),
      /HTTP 200 with appointment "123"/,
    );
  });
  it('a provider that looks ids up with `id in store`, for the bad-input property, at its first runs, not by chance', async () => {
    const store: Record<string, unknown> = { 123: docsAppointmentResponse().data };
    const lookingUp = await startTinyServer((request, response) => {
      const id = decodeURIComponent(request.url?.split('/').pop() ?? '');
      response.writeHead(id in store ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(id in store ? { data: store[id] } : docsErrorResponse()));
    });
    try {
      const probe = createProbe({ baseUrl: lookingUp.url, getToken: async () => 't' }, exactTransport());
      const budget = { runs: 1, seed: 1, timeLimitMilliseconds: 5000, pacingMilliseconds: 0 };
      assert.match(
        problemsOf(await checkBadInput(probe, 'acme', budget, false)).join(),
        /^id "toString", .*: HTTP 200 with a body outside the schemas/,
      );
    } finally {
      await lookingUp.close();
    }
  });
  it('crash-on-repeated-headers, for the bad-input property, only where malformed-headers is expected', async () => {
    const budget = { runs: 200, timeLimitMilliseconds: 5000, pacingMilliseconds: 0 };
    const crashing = await faulty('crash-on-repeated-headers');
    assert.match(problemsOf(await checkBadInput(crashing, 'acme', budget, true)).join(), /HTTP 500/);
    assert.deepEqual(problemsOf(await checkBadInput(crashing, 'acme', budget, false)), []);
  });
});

describe('the latency check', () => {
  it('passes on a quick provider and fails on one slower than the ceiling, reporting the figures', async () => {
    const path = appointmentPath('acme', '123');
    // A ceiling far above a local answer, so that a busy machine (npm test runs its suites at once) never trips it.
    const quick = await checkLatency(await probeFor(), { 'the appointment': { path, status: 200 } }, 500);
    assert.deepEqual(problemsOf(quick), []);
    assert.equal(quick.measured.length, 1);
    const slow = await checkLatency(
      await probeFor({ latency: { fixedMilliseconds: 550, jitterMilliseconds: 0 } }),
      { 'the appointment': { path, status: 200 } },
      500,
    );
    assert.match(
      problemsOf(slow).join(),
      /the appointment: \d+ ms at best of 2 tries, over the ceiling of 500 ms \(slo\.json\)/,
    );
  });
  it('tries a slow answer again: one cold connection over the ceiling is no slow API', async () => {
    let answered = 0;
    const coldFirst = await startTinyServer((_request, response) => {
      setTimeout(() => response.end('{}'), answered++ === 0 ? 400 : 0);
    });
    try {
      const probe = createProbe({ baseUrl: coldFirst.url, getToken: async () => 't' }, exactTransport());
      const result = await checkLatency(
        probe,
        { 'the appointment': { path: appointmentPath('acme', '1'), status: 200 } },
        300,
      );
      assert.deepEqual(problemsOf(result), []);
      assert.equal(coldFirst.requests.length, 2, 'sent again once, then no more');
      assert.ok((result.measured[0]?.milliseconds ?? 999) < 300, 'the fastest answer is the figure');
    } finally {
      await coldFirst.close();
    }
  });
  it('sends the headers it is given, made for each try: a provider slow to resolve a language is timed so', async () => {
    const slowWithLanguage = await startTinyServer((request, response) => {
      response.statusCode = request.url?.endsWith('/missing') ? 404 : 200;
      setTimeout(() => response.end('{}'), request.headers['accept-language'] === undefined ? 0 : 400);
    });
    try {
      const probe = createProbe({ baseUrl: slowWithLanguage.url, getToken: async () => 't' }, exactTransport());
      const path = appointmentPath('acme', '1');
      assert.deepEqual(problemsOf(await checkLatency(probe, { bare: { path, status: 200 } }, 300)), []);
      let tries = 0;
      const docsHeaders = () => ({ 'accept-language': 'en *', 'x-correlation-id': `c-${++tries}` });
      assert.match(
        problemsOf(
          await checkLatency(probe, { 'the docs request': { path, status: 200, headers: docsHeaders } }, 300),
        ).join(),
        /^the docs request: \d+ ms at best of 2 tries, over the ceiling of 300 ms/,
      );
      // Each try its own correlation id, as a client's each request has.
      assert.deepEqual(
        slowWithLanguage.requests.slice(-2).map((request) => request.headers['x-correlation-id']),
        ['c-1', 'c-2'],
      );
      // The latency spec's own requests: only the ones that name a language are slow.
      const target = { enterprise: 'acme', appointmentId: '1', missingAppointmentId: 'missing' };
      const specs = latencyRequests(target);
      assert.deepEqual(
        problemsOf(await checkLatency(probe, specs, 300)).map((problem) => problem.split(':')[0]),
        [
          "an existing appointment, with the docs' headers",
          "an existing appointment, with a browser's Accept-Language",
        ],
      );
      const [first, second] = slowWithLanguage.requests.slice(-5, -3).map((request) => request.headers);
      assert.equal(first?.['accept-language'], 'en *');
      assert.notEqual(
        first?.['x-correlation-id'],
        second?.['x-correlation-id'],
        'a correlation id of its own each try',
      );
    } finally {
      await slowWithLanguage.close();
    }
  });
  it('counts only answers with the expected status: a quick 500 is a problem, not a fast lookup', async () => {
    const failing = await checkLatency(
      await faulty('server-error-on-odd-ids'),
      { 'the appointment': { path: appointmentPath('acme', '123'), status: 200 } },
      200,
    );
    assert.deepEqual(failing.measured, []);
    assert.match(problemsOf(failing).join(), /the appointment: HTTP 500, expected 200, so its time is not a measure/);
  });
});
