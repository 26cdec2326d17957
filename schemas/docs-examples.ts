// The docs' own example responses, as the repository keeps them in schemas/docs-examples/ (a clone
// may stand alone); docs-examples.test.ts proves they equal ../shared/fixtures where it exists.
import { readFileSync } from 'node:fs';

export const DOCS_EXAMPLES = {
  appointment: new URL('./docs-examples/appointment-200.json', import.meta.url),
  error: new URL('./docs-examples/error-404.json', import.meta.url),
};

// Loosely typed on purpose: tests break the examples field by field to see each check fail.
// biome-ignore lint/suspicious/noExplicitAny: see above.
type Example = Record<string, any>;

const readJson = (url: URL): Example => JSON.parse(readFileSync(url, 'utf8'));

/** A fresh copy on every call, so that a test may change it. */
export const docsAppointmentResponse = () => readJson(DOCS_EXAMPLES.appointment);
export const docsErrorResponse = () => readJson(DOCS_EXAMPLES.error);
