// Builds one TypeScript program of the suite into a single .mjs, for config/typescript-node.ts: esbuild
// bundles its sources (packages stay imports), each module keeps its own import.meta.url, and the
// program sees its .ts file as process.argv[1]. Usage: node build-bundle.mjs <entry.ts> <manifest.json>
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [entry, manifestFile] = process.argv.slice(2).map((path) => resolve(path));
const sha = (text) => createHash('sha256').update(text).digest('hex');

/** Each module's import.meta.url is its own .ts file's, as under the loader: paths beside it resolve. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, ({ path }) => ({
      contents: readFileSync(path, 'utf8').replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(path).href)),
      loader: 'ts',
    }));
  },
};

const result = await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  target: `node${process.versions.node}`,
  write: false,
  // Where the bundle goes, so that its source map names the .ts files from there.
  outdir: dirname(manifestFile),
  metafile: true,
  sourcemap: 'inline',
  sourcesContent: false,
  // As tsc reads the files: an import that is not `import type` is kept, side effects and all.
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
  banner: { js: `process.argv[1] = ${JSON.stringify(entry)};` },
  plugins: [ownImportMetaUrl],
  logLevel: 'error',
});
const code = result.outputFiles[0].text;
// What the bundle was built from, by content: the bundle serves until one of them changes.
const inputs = Object.fromEntries(
  Object.keys(result.metafile.inputs).map((input) => {
    const file = resolve(input);
    return [file, sha(readFileSync(file))];
  }),
);
const folder = dirname(manifestFile);
const bundle = join(folder, `${sha(code)}.mjs`);
mkdirSync(folder, { recursive: true });
// Written aside, then renamed: processes building the same program at once never read half a file.
for (const [file, text] of [
  [bundle, code],
  [manifestFile, JSON.stringify({ bundle, inputs })],
]) {
  const aside = `${file}.${randomUUID()}`;
  writeFileSync(aside, text);
  renameSync(aside, file);
}
