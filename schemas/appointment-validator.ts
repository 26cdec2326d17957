// The validator of a 200 body that needs no Ajv, for k6: generated from the schema files
// (generate-validator.ts), typed here. True for a body the schema accepts, else false, with its errors.
import { validateAppointmentResponseUntyped } from './appointment-response.validator.generated.ts';
import type { AppointmentResponse } from './types.generated.ts';
import type { ValidatorError } from './violation-reason.ts';

/** A type guard, as the schema's types (types.generated.ts) describe the bodies it accepts. */
export const validateAppointmentResponse = validateAppointmentResponseUntyped as unknown as ((
  body: unknown,
) => body is AppointmentResponse) & { errors?: ValidatorError[] | null };
