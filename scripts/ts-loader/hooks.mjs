// Node's load hook for the suite's TypeScript: esbuild strips the types of each .ts file (nothing
// is bundled or checked: `npm run typecheck` does that), and the result is cached by content.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const target = `node${process.versions.node}`;
// Read apart from esbuild itself, which is loaded only when a file is not in the cache yet.
const { version } = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8'));
const cacheFolder = join(tmpdir(), `engage-ts-cache-${process.getuid?.() ?? 'user'}`);
/** @type {typeof import('esbuild') | undefined} */
let esbuild;

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256').update(`${version}\0${target}\0${file}\0${source}`).digest('hex');
  const cached = join(cacheFolder, `${key}.js`);
  try {
    return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  } catch {
    // Not compiled yet: compile below.
  }
  esbuild ??= await import('esbuild');
  const { code } = esbuild.transformSync(source, {
    loader: 'ts',
    format: 'esm',
    target,
    sourcemap: 'inline',
    sourcefile: file,
  });
  mkdirSync(cacheFolder, { recursive: true });
  // Written aside, then renamed: processes compiling the same file at once never read half a file.
  const aside = `${cached}.${process.pid}`;
  writeFileSync(aside, code);
  renameSync(aside, cached);
  return { format: 'module', source: code, shortCircuit: true };
}
