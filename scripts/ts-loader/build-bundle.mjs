// Builds one TypeScript program of the suite into a single .mjs for config/typescript-node.ts; each
// module keeps its own import.meta.url. Usage: node build-bundle.mjs <entry.ts> <manifest.json>
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, transform } from 'esbuild';
import { writeAside } from '../write-aside.mjs';
import { transformOptions } from './hooks.mjs';

const [entry, manifestFile] = process.argv.slice(2).map((path) => resolve(path));
const sha = (text) => createHash('sha256').update(text).digest('hex');

/** The content hash of each source as esbuild read it: a file saved during the build does not pass for built. */
const inputs = {};

/**
 * Reads each source once, hashing it, and gives each module its own .ts file as import.meta.url, as
 * under the loader, so that paths beside it resolve. The expression is replaced, not its text: a
 * string that holds "import.meta.url" stays as written. (Packages stay imports: they run before the
 * banner, and none of them reads process.argv[1].)
 */
const ownSources = {
  name: 'own-sources',
  setup(bundler) {
    bundler.onLoad({ filter: /\.(ts|json)$/ }, async ({ path }) => {
      const text = readFileSync(path, 'utf8');
      inputs[path] = sha(text);
      if (path.endsWith('.json')) return { contents: text, loader: 'json' };
      const { code } = await transform(text, {
        ...transformOptions(path),
        define: { 'import.meta.url': JSON.stringify(pathToFileURL(path).href) },
      });
      return { contents: code, loader: 'js' };
    });
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
  banner: { js: `process.argv[1] = ${JSON.stringify(entry)};` },
  plugins: [ownSources],
  logLevel: 'error',
});
const code = result.outputFiles[0].text;
// What the bundle was built from, by content: the bundle serves until one of them changes.
for (const input of Object.keys(result.metafile.inputs)) {
  const file = resolve(input);
  if (inputs[file] === undefined) throw new Error(`${file} was bundled without being read by build-bundle.mjs`);
}
const folder = dirname(manifestFile);
const bundle = join(folder, `${sha(code)}.mjs`);
// Written aside, then renamed: processes building the same program at once never read half a file.
writeAside(bundle, code);
writeAside(manifestFile, JSON.stringify({ bundle, inputs }));
// Bundles and manifests unused for a week go (config/typescript-node.ts marks each one it serves):
// the cache would otherwise grow with every change.
const weekAgo = Date.now() - 7 * 24 * 60 * 60 * 1000;
for (const name of readdirSync(folder)) {
  const path = join(folder, name);
  try {
    if (statSync(path).mtimeMs < weekAgo) rmSync(path, { force: true });
  } catch {
    // Gone already: another build pruned it.
  }
}
