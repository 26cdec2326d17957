// How the suite runs TypeScript in a new Node process: a program it starts runs as one cached bundle
// (about 0.12 s of CPU less than under the loader on Node 20); `node --test` and `--eval` take the loader.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, utimesSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The loader, by absolute path, so that a child started in any folder finds it. */
const TYPESCRIPT_LOADER = fileURLToPath(new URL('../scripts/ts-loader/register.mjs', import.meta.url));

/** Node's arguments for running `args` (node flags, then a .ts file or --eval, and its arguments) with the loader. */
export const withTypescript = (...args: string[]): string[] => ['--import', TYPESCRIPT_LOADER, ...args];

const BUNDLER = fileURLToPath(new URL('../scripts/ts-loader/build-bundle.mjs', import.meta.url));
/** Where the bundler takes its transform from: a change there rebuilds every bundle, too. */
const TRANSFORM = fileURLToPath(new URL('../scripts/ts-loader/hooks.mjs', import.meta.url));
const BUNDLES = fileURLToPath(new URL('../node_modules/.cache/engage-bundles/', import.meta.url));
const ESBUILD_PACKAGE = fileURLToPath(new URL('../node_modules/esbuild/package.json', import.meta.url));
const sha = (...parts: Array<string | Buffer>) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/** Marks files as used, so that build-bundle.mjs's pruning leaves them; a read-only cache stays usable. */
function markUsed(...files: string[]): void {
  const now = new Date();
  try {
    for (const file of files) utimesSync(file, now, now);
  } catch {
    // At worst it is pruned while still in use, and built again on its next run.
  }
}

/** The bundle built from `manifestFile`'s inputs, if none of them changed since. */
function freshBundle(manifestFile: string): string | undefined {
  try {
    const { bundle, inputs } = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      bundle: string;
      inputs: Record<string, string>;
    };
    const unchanged = Object.entries(inputs).every(
      ([file, hash]) => createHash('sha256').update(readFileSync(file)).digest('hex') === hash,
    );
    if (!unchanged || !existsSync(bundle)) return undefined;
    markUsed(manifestFile, bundle);
    return bundle;
  } catch {
    return undefined;
  }
}

/** The bundle of the program `entry`, built when missing or stale; undefined when it cannot be built. */
function bundled(entry: string): string | undefined {
  const file = resolve(entry);
  const manifestFile = `${BUNDLES}${sha(readFileSync(BUNDLER), readFileSync(TRANSFORM), readFileSync(ESBUILD_PACKAGE), process.versions.node, file)}.json`;
  const fresh = freshBundle(manifestFile);
  if (fresh !== undefined) return fresh;
  const built = spawnSync(process.execPath, [BUNDLER, file, manifestFile], { stdio: 'ignore', timeout: 60_000 });
  return built.status === 0 ? freshBundle(manifestFile) : undefined;
}

/**
 * Node's arguments for running the program in `args` (node flags, then its .ts file and arguments):
 * its bundle, or under the loader when it cannot be bundled, so that a syntax error is reported by
 * the program's own run, naming the file and line.
 */
export function typescriptProgram(...args: string[]): string[] {
  const at = args.findIndex((arg) => !arg.startsWith('-'));
  const bundle = at === -1 ? undefined : bundled(args[at] as string);
  if (bundle === undefined) return withTypescript(...args);
  return [...args.slice(0, at), '--enable-source-maps', bundle, ...args.slice(at + 1)];
}
