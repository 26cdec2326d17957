// Node's load hook for the suite's TypeScript: esbuild strips the types of each .ts file (nothing
// is bundled or checked: `npm run typecheck` does that), and the result is cached by content in
// node_modules/.cache/engage-ts/. Synchronous, so that it serves module.registerHooks and module.register alike.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { writeAside } from '../write-aside.mjs';

const require = createRequire(import.meta.url);
const target = `node${process.versions.node}`;
const cacheFolder = fileURLToPath(new URL('../../node_modules/.cache/engage-ts/', import.meta.url));
// Anything that changes the output is in the key: esbuild's version, Node's, this file, and the source.
const loaderVersion = createHash('sha256')
  .update(require('esbuild/package.json').version)
  .update(target)
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .digest('hex');
/** @type {typeof import('esbuild') | undefined} */
let esbuild;

/**
 * How a .ts file becomes JavaScript, here and in each bundle (build-bundle.mjs): its types stripped,
 * with an inline source map.
 * @param {string} file
 * @returns {import('esbuild').TransformOptions}
 */
export function transformOptions(file) {
  return {
    loader: 'ts',
    format: 'esm',
    target,
    sourcemap: 'inline',
    sourcefile: file,
    // As tsc reads the files (tsconfig.json): an import that is not `import type` is kept, side effects and all.
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
  };
}

/** @param {string} file @param {string} source */
function compile(file, source) {
  esbuild ??= require('esbuild');
  return esbuild.transformSync(source, transformOptions(file)).code;
}

/** @type {import('node:module').LoadHookSync} */
export function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256').update(`${loaderVersion}\0${file}\0${source}`).digest('hex');
  const cached = `${cacheFolder}${key}.js`;
  try {
    return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  } catch {
    // Not compiled yet: compile below.
  }
  const code = compile(file, source);
  try {
    // Written aside, then renamed: processes compiling the same file at once never read half a file.
    writeAside(cached, code);
  } catch {
    // A cache that cannot be written (a read-only or full disk) costs time, never the run.
  }
  return { format: 'module', source: code, shortCircuit: true };
}
