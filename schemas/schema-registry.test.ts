// Proves the schemas accept the docs' own examples and reject each documented constraint's breach
// with a readable line (path, reason, value).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { LANGUAGE_TAG_SOURCE } from '../config/api-facts.ts';
import { docsAppointmentResponse, docsErrorResponse } from './docs-examples.ts';
import {
  compileEverySchema,
  formatViolations,
  metaSchemaProblem,
  SchemaId,
  validateAgainstSchema,
} from './schema-registry.ts';

type Mutation = (body: Record<string, any>) => void;

function violationsOf(id: SchemaId, body: unknown): string {
  const result = validateAgainstSchema(id, body);
  assert.equal(result.valid, false, 'the broken document was accepted');
  return result.valid ? '' : formatViolations(result.violations);
}

describe('the docs examples', () => {
  it('validate as they are', () => {
    assert.deepEqual(validateAgainstSchema(SchemaId.appointmentResponse, docsAppointmentResponse()), { valid: true });
    assert.deepEqual(validateAgainstSchema(SchemaId.errorResponse, docsErrorResponse()), { valid: true });
  });
});

describe('the 200 schema rejects', () => {
  const cases: Array<[string, Mutation, RegExp]> = [
    [
      'a missing data envelope',
      (b) => {
        b.appointment = b.data;
        delete b.data;
      },
      /^\/: must have required property 'data'/m,
    ],
    [
      'an extra top-level key',
      (b) => {
        b.meta = {};
      },
      /^\/: must not have the extra property "meta"/m,
    ],
    [
      'an unknown status',
      (b) => {
        b.data.status = 'POSTPONED';
      },
      /^\/data\/status: must be one of ACCEPTED.*\(got "POSTPONED"\)/m,
    ],
    [
      'an unknown meetingType',
      (b) => {
        b.data.meetingType = 'CHAT';
      },
      /^\/data\/meetingType: must be one of OFFICE/m,
    ],
    [
      'an unknown participant role',
      (b) => {
        b.data.appointmentParticipants[0].role = 'HOST';
      },
      /^\/data\/appointmentParticipants\/0\/role: must be one of PRIMARY, SECONDARY/m,
    ],
    [
      'an unknown participant type',
      (b) => {
        b.data.appointmentParticipants[0].type = 'BOT';
      },
      /^\/data\/appointmentParticipants\/0\/type: must be one of CUSTOMER, EMPLOYEE/m,
    ],
    [
      'a start that is not a date-time',
      (b) => {
        b.data.start = '17/08/2022';
      },
      /^\/data\/start: must match format "date-time"/m,
    ],
    [
      'a date-time without a time zone',
      (b) => {
        b.data.createdAt = '2022-08-17T19:05:21';
      },
      /^\/data\/createdAt: must match format "date-time"/m,
    ],
    [
      'a null createdAt',
      (b) => {
        b.data.createdAt = null;
      },
      /^\/data\/createdAt: must be string/m,
    ],
    [
      'a videoUrl that is not a URI',
      (b) => {
        b.data.appointmentParticipants[0].videoUrl = 'not a uri';
      },
      /^\/data\/appointmentParticipants\/0\/videoUrl: must match format "uri"/m,
    ],
    [
      'an empty id',
      (b) => {
        b.data.id = '';
      },
      /^\/data\/id: must NOT have fewer than 1 characters/m,
    ],
    [
      'a numeric id',
      (b) => {
        b.data.id = 123;
      },
      /^\/data\/id: must be string \(got 123\)/m,
    ],
    [
      'an externalId over 255 characters',
      (b) => {
        b.data.externalId = 'x'.repeat(256);
      },
      /^\/data\/externalId: must NOT have more than 255 characters/m,
    ],
    [
      'a subject without id',
      (b) => {
        b.data.subject = {};
      },
      /^\/data\/subject: must have required property 'id'/m,
    ],
    [
      'a null office',
      (b) => {
        b.data.office = null;
      },
      /^\/data\/office: must be object/m,
    ],
    [
      'a negative trailingBufferTime',
      (b) => {
        b.data.trailingBufferTime = -5;
      },
      /^\/data\/trailingBufferTime: must be >= 0/m,
    ],
    [
      'a fractional trailingBufferTime',
      (b) => {
        b.data.trailingBufferTime = 1.5;
      },
      /^\/data\/trailingBufferTime: must be integer/m,
    ],
    [
      'a string hybrid',
      (b) => {
        b.data.hybrid = 'yes';
      },
      /^\/data\/hybrid: must be boolean,null/m,
    ],
    [
      'participants that are not an array',
      (b) => {
        b.data.appointmentParticipants = {};
      },
      /^\/data\/appointmentParticipants: must be array/m,
    ],
    [
      'an answer without question',
      (b) => {
        delete b.data.answers[0].question;
      },
      /^\/data\/answers\/0: must have required property 'question'/m,
    ],
    [
      'a translatable value without language',
      (b) => {
        delete b.data.location.city.language;
      },
      /^\/data\/location\/city: must have required property 'language'/m,
    ],
    [
      'a translatable value that is a plain string',
      (b) => {
        b.data.location.city = 'Ghent';
      },
      /^\/data\/location\/city: must be object/m,
    ],
    [
      'a translation entry that is null',
      (b) => {
        b.data.location.translations.city = [null];
      },
      /^\/data\/location\/translations\/city\/0: must be object/m,
    ],
    [
      'a language tag written as a locale, nl_BE',
      (b) => {
        b.data.location.city.language = 'nl_BE';
      },
      /^\/data\/location\/city\/language: must match pattern/m,
    ],
    [
      'a language tag with a space in a translation',
      (b) => {
        b.data.location.translations.city = [{ language: 'en US', value: 'Ghent' }];
      },
      /^\/data\/location\/translations\/city\/0\/language: must match pattern/m,
    ],
    [
      'a three-letter countryCode',
      (b) => {
        b.data.location.countryCode = 'BEL';
      },
      /^\/data\/location\/countryCode: must match pattern/m,
    ],
    [
      'a latitude above 90',
      (b) => {
        b.data.location.geolocation.latitude = 91;
      },
      /^\/data\/location\/geolocation\/latitude: must be <= 90/m,
    ],
    [
      'a longitude below -180',
      (b) => {
        b.data.location.geolocation.longitude = -181;
      },
      /^\/data\/location\/geolocation\/longitude: must be >= -180/m,
    ],
    [
      'a location that is a string',
      (b) => {
        b.data.location = 'Ghent';
      },
      /^\/data\/location: must be object/m,
    ],
  ];
  for (const [name, mutate, expected] of cases) {
    it(name, () => {
      const body = docsAppointmentResponse();
      mutate(body);
      assert.match(violationsOf(SchemaId.appointmentResponse, body), expected);
    });
  }
});

it("takes a language tag by the suite's one rule (LANGUAGE_TAG in config/api-facts.ts)", () => {
  const schema = JSON.parse(readFileSync(new URL('./translatable-value.schema.json', import.meta.url), 'utf8'));
  assert.equal(schema.$defs.languageValue.properties.language.pattern, `^${LANGUAGE_TAG_SOURCE}$`);
});

describe('the 200 schema accepts what the docs allow', () => {
  const cases: Array<[string, Mutation]> = [
    [
      'null nullable fields',
      (b) =>
        Object.assign(b.data, {
          externalId: null,
          start: null,
          end: null,
          callbackRequest: null,
          listing: null,
          leadSegment: null,
          hybrid: null,
          trailingBufferTime: null,
          internalNotes: null,
          messageForCustomer: null,
          location: null,
        }),
    ],
    [
      'null translatable values and geolocation',
      (b) =>
        Object.assign(b.data.location, {
          city: null,
          state: null,
          street1: null,
          street2: null,
          geolocation: null,
          postalCode: null,
        }),
    ],
    [
      'language tags of any case, with a region, script or number',
      (b) => {
        b.data.location.city = { language: 'nl-BE', value: 'Gent' };
        b.data.location.translations.city = ['NL-be', 'zh-Hant-TW', 'es-419', 'i-klingon'].map((language) => ({
          language,
          value: 'Gent',
        }));
      },
    ],
    ['empty arrays', (b) => Object.assign(b.data, { appointmentParticipants: [], answers: [] })],
    [
      'values the docs do not list for open strings',
      (b) => Object.assign(b.data, { createdFrom: 'PUBLIC_API', updatedByType: 'SYSTEM', createdByType: 'CUSTOMER' }),
    ],
    [
      'an unlisted answerType',
      (b) => {
        b.data.answers[0].answerType = 'INTAKE_FORM';
      },
    ],
    [
      'extra properties inside the appointment',
      (b) => {
        b.data.newField = 1;
      },
    ],
  ];
  for (const [name, mutate] of cases) {
    it(name, () => {
      const body = docsAppointmentResponse();
      mutate(body);
      const result = validateAgainstSchema(SchemaId.appointmentResponse, body);
      assert.deepEqual(result, { valid: true }, result.valid ? '' : formatViolations(result.violations));
    });
  }
});

describe('the error schema rejects', () => {
  const cases: Array<[string, Mutation, RegExp]> = [
    [
      'a body without errors',
      (b) => {
        b.message = 'nope';
        delete b.errors;
      },
      /^\/: must have required property 'errors'/m,
    ],
    [
      'an empty errors array',
      (b) => {
        b.errors = [];
      },
      /^\/errors: must NOT have fewer than 1 items/m,
    ],
    [
      'a numeric statusCode',
      (b) => {
        b.errors[0].statusCode = 404;
      },
      /^\/errors\/0\/statusCode: must be string \(got 404\)/m,
    ],
    [
      'an error without code',
      (b) => {
        delete b.errors[0].code;
      },
      /^\/errors\/0: must have required property 'code'/m,
    ],
    [
      'an error without message',
      (b) => {
        delete b.errors[0].message;
      },
      /^\/errors\/0: must have required property 'message'/m,
    ],
    [
      'errors that are an object',
      (b) => {
        b.errors = b.errors[0];
      },
      /^\/errors: must be array/m,
    ],
  ];
  for (const [name, mutate, expected] of cases) {
    it(name, () => {
      const body = docsErrorResponse();
      mutate(body);
      assert.match(violationsOf(SchemaId.errorResponse, body), expected);
    });
  }
});

describe('violations', () => {
  it('are all listed, not only the first', () => {
    const body = docsAppointmentResponse();
    Object.assign(body.data, { status: 'X', meetingType: 'Y', start: 'Z' });
    const lines = violationsOf(SchemaId.appointmentResponse, body).split('\n');
    assert.equal(lines.length, 3, lines.join('\n'));
  });
});

describe('compiling on first use', () => {
  it('compiles every schema the suite names, as the self-check does', () => {
    compileEverySchema();
  });
  it('finds a schema that breaks the 2020-12 meta-schema, which the self-check then refuses, naming its file', () => {
    assert.equal(metaSchemaProblem({ type: 'object' }), undefined);
    assert.match(metaSchemaProblem({ type: 'strng' }) ?? '', /data\/type must be equal to one of the allowed values/);
    assert.throws(
      () => compileEverySchema([{ file: 'broken.schema.json', schema: { type: 'strng' } }]),
      /^Error: broken\.schema\.json is not a valid JSON Schema 2020-12: data\/type must be/,
    );
  });
  it('names a schema id that no file defines, when it is first used', () => {
    const missing = 'https://engage-api-suite.test/schemas/missing.schema.json' as SchemaId;
    assert.throws(
      () => validateAgainstSchema(missing, {}),
      /schema .*missing\.schema\.json is not defined by any file in /,
    );
  });
});
