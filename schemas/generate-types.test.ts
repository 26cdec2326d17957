// Proves types.generated.ts is derived from the schema files as they are now, so the TypeScript types
// cannot drift from the schemas.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { renderSchemaTypes } from './generate-types.ts';

it('types.generated.ts matches the schemas (run `npm run schemas:generate` after changing a schema)', async () => {
  assert.equal(readFileSync(new URL('./types.generated.ts', import.meta.url), 'utf8'), await renderSchemaTypes());
});
