// The validator of a 200 body that needs no Ajv, for k6: generated from the schema files
// (generate-validator.ts), typed here. True for a body the schema accepts, else false, with its errors.
import { validateAppointmentResponseUntyped } from './appointment-response.validator.generated.ts';

/** Ajv's error objects, as a standalone validator leaves them on itself. */
export interface ValidatorError {
  instancePath: string;
  keyword: string;
  message?: string;
}

export const validateAppointmentResponse: ((body: unknown) => boolean) & { errors?: ValidatorError[] | null } =
  validateAppointmentResponseUntyped;
