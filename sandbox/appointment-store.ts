// The sandbox's mutable data: a seed's enterprises and appointments, plus the seed helpers that
// provider states and tests use to put or remove an appointment and to reset to the seed.
import { formatViolations, SchemaId, validateAgainstSchema } from '../schemas/schema-registry.ts';
import type { Appointment } from '../schemas/types.generated.ts';
import { type Seed, SeedError } from './seed.ts';

export interface StoredEnterprise {
  defaultLanguage: string;
  appointments: Map<string, Appointment>;
}

export class AppointmentStore {
  #enterprises = new Map<string, StoredEnterprise>();
  /** Grows on every change, so that caches of rendered responses know when to drop them. */
  version = 0;

  constructor(private readonly seed: Seed) {
    this.reset();
  }

  reset(): void {
    this.#enterprises = new Map(
      this.seed.enterprises.map((enterprise) => [
        enterprise.id,
        {
          defaultLanguage: enterprise.defaultLanguage,
          appointments: new Map(
            enterprise.appointments.map((appointment) => [appointment.id, structuredClone(appointment)]),
          ),
        },
      ]),
    );
    this.version++;
  }

  enterprise(id: string): StoredEnterprise | undefined {
    return this.#enterprises.get(id);
  }

  /** Adds or replaces an appointment; an enterprise it names that does not exist is created. */
  put(enterpriseId: string, appointment: Appointment, defaultLanguage = 'en'): void {
    const result = validateAgainstSchema(SchemaId.appointment, appointment);
    if (!result.valid)
      throw new SeedError(`appointment does not match the schema:\n${formatViolations(result.violations)}`);
    let enterprise = this.#enterprises.get(enterpriseId);
    if (enterprise === undefined) {
      enterprise = { defaultLanguage, appointments: new Map() };
      this.#enterprises.set(enterpriseId, enterprise);
    }
    enterprise.appointments.set(appointment.id, structuredClone(appointment));
    this.version++;
  }

  remove(enterpriseId: string, appointmentId: string): void {
    this.#enterprises.get(enterpriseId)?.appointments.delete(appointmentId);
    this.version++;
  }
}
