// The docs' own example responses from ../shared/fixtures (beside the repository), read as they are:
// every schema, matcher and sandbox response must accept them.
import { readFileSync } from 'node:fs';

const fixturesDirectory = new URL('../../shared/fixtures/', import.meta.url);

function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, fixturesDirectory), 'utf8'));
}

export const docsAppointmentResponse = () => readFixture('docs-appointment-200.json') as Record<string, any>;
export const docsErrorResponse = () => readFixture('docs-error-404.json') as Record<string, any>;
