// Derives the TypeScript types of the response bodies from the schema files, so that no type is
// kept by hand beside a schema. `npm run schemas:generate` rewrites types.generated.ts.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileFromFile } from 'json-schema-to-typescript';
import { isEntryPoint, runMain } from '../config/entry-point.ts';

const schemaDirectory = fileURLToPath(new URL('.', import.meta.url));
const generatedTypesFile = `${schemaDirectory}types.generated.ts`;
const rootSchemaFiles = ['appointment-response.schema.json', 'error-response.schema.json'];

const banner = `// Generated from the schema files in this folder by \`npm run schemas:generate\`. Do not edit:
// change the schemas and run the script again (a unit test fails while this file is stale).
/* biome-ignore-all format: the generator formats this file */
`;

/** The text types.generated.ts must have for the schemas as they are now. */
export async function renderSchemaTypes(): Promise<string> {
  const parts = [];
  for (const file of rootSchemaFiles) {
    parts.push(
      await compileFromFile(`${schemaDirectory}${file}`, {
        cwd: schemaDirectory,
        bannerComment: '',
        additionalProperties: false,
        style: { singleQuote: true, printWidth: 110 },
      }),
    );
  }
  return `${banner}\n${parts.join('\n')}`;
}

if (isEntryPoint(import.meta.url)) {
  await runMain(async () => {
    writeFileSync(generatedTypesFile, await renderSchemaTypes());
    console.log(`wrote ${generatedTypesFile}`);
  });
}
