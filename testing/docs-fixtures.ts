// The docs' own example responses, as the repository keeps them in schemas/docs-examples/ (a
// clone may stand alone); docs-fixtures.test.ts proves they equal ../shared/fixtures where it exists.
import { readFileSync } from 'node:fs';

export const DOCS_EXAMPLES = {
  appointment: new URL('../schemas/docs-examples/appointment-200.json', import.meta.url),
  error: new URL('../schemas/docs-examples/error-404.json', import.meta.url),
};

const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8'));

export const docsAppointmentResponse = () => readJson(DOCS_EXAMPLES.appointment) as Record<string, any>;
export const docsErrorResponse = () => readJson(DOCS_EXAMPLES.error) as Record<string, any>;
